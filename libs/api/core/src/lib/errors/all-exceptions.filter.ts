import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './error-mapping';

/** Gets the first word on a request nothing routed: returns true when it answered (e.g. the SPA's index.html). */
export type UnmatchedRouteHandler = (request: FastifyRequest, reply: FastifyReply) => boolean;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  constructor(private readonly onUnmatchedRoute?: UnmatchedRouteHandler) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (exception instanceof NotFoundException && this.onUnmatchedRoute && !request.routeOptions.url) {
      if (this.onUnmatchedRoute(request, reply)) return;
    }
    const { body, unexpected } = toErrorBody(exception);
    if (unexpected) {
      this.logger.error(
        `Unexpected error on ${request.method} ${request.url} (request ${String(request.id)}): ${exception instanceof Error ? exception.stack : String(exception)}`,
      );
    } else if (body.statusCode === 503) {
      this.logger.warn(
        `Dependency down on ${request.method} ${request.url}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
