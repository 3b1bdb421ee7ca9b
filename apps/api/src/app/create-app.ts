import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  ApiError,
  AppConfig,
  clientErrorHandler,
  COMPRESSION,
  createValidationPipe,
  CSV_BODY_ROUTE,
  csvContentType,
  frameworkErrorHandler,
  jsonDepth,
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  MAX_CSV_BODY_BYTES,
  MetricsService,
  UnmatchedRouteHandler,
} from '@stint/api-core';
import { LoginThrottleService, refuseKnownBlockedLogin } from '@stint/api-auth';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BASE_CSP, dashboardCsp, indexHtmlWithNonce, newCspNonce, swaggerUiCsp } from './content-security-policy';
import { cacheControlFor, encodePage } from './static-assets';

/** The paths @nestjs/swagger answers with Swagger UI's HTML page (they get swaggerUiCsp). */
const SWAGGER_UI_PAGES = new Set(['/api/docs', '/api/docs/', '/api/docs/index.html']);

/** Builds the HTTP application (not yet listening): used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // Errors Node's HTTP parser raises (431, bad header bytes) and Fastify's router raises, in the contract's shape.
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  // JSON bodies nested deeper than MAX_BODY_DEPTH are refused before parsing (a linear scan), so no handler,
  // class-transformer or validator ever recurses through them.
  const fastifyInstance = adapter.getInstance();
  const parseJson = fastifyInstance.getDefaultJsonParser('error', 'error');
  fastifyInstance.removeContentTypeParser('application/json');
  fastifyInstance.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      const message = `The body nests deeper than ${MAX_BODY_DEPTH} levels; flatten it.`;
      done(ApiError.validation({ body: message }, message), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  registerCsvParser(fastifyInstance);
  // Registered before Nest's middleware, so the JSON request log and the response share one id.
  // A sign-in from an address already known to be blocked is refused here, before the pipeline.
  const signIn: { throttle?: LoginThrottleService } = {};
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    request.raw.headers['x-request-id'] = request.id;
    void reply.header('x-request-id', request.id);
    if (!refuseKnownBlockedLogin(signIn.throttle, request, reply)) done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // The JSON parser is ours (depth-limited, above); Nest would otherwise register its own over it.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  signIn.throttle = app.get(LoginThrottleService);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(dashboardFallback(config)));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  // Compressed JSON, pages and assets for clients that accept br or gzip (registered before any route).
  await app.register(fastifyCompress, COMPRESSION);

  // A strict Content-Security-Policy on every response (no inline script or style, no eval). The two HTML
  // pages replace it with their own: the dashboard's index.html (a per-response style nonce, dashboardFallback)
  // and Swagger UI's page (hashes of its inline styles, below).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...BASE_CSP } },
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      SWAGGER_UI_PAGES.has(path) &&
      typeof payload === 'string' &&
      /^text\/html/.test(String(reply.getHeader('content-type')))
    ) {
      void reply.header('content-security-policy', swaggerUiCsp(payload));
    }
    done(null, payload);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Stint API')
      .setDescription(
        'Sales rotations for product managers. Errors always have the shape {statusCode, code, message, details}.',
      )
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.dashboardDir) {
    // index.html is never served as a plain file: dashboardFallback sends it with this response's CSP nonce.
    await app.register(fastifyStatic, {
      root: config.dashboardDir,
      prefix: '/',
      wildcard: false,
      index: false,
      globIgnore: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
    });
  }
  return app;
}

/**
 * CSV files (the bulk imports): UTF-8 text up to MAX_CSV_BODY_BYTES, on the
 * routes marked CSV_BODY_ROUTE only; every other route answers `text/csv` with
 * a 415 before reading the body, so JSON's 1 MB limit stays for everything else.
 */
function registerCsvParser(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const csv = csvContentType(request.headers['content-type']);
    const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
    if (csv !== 'none' && config?.[CSV_BODY_ROUTE] !== true) {
      done(new ApiError(415, 'VALIDATION_FAILED', 'This endpoint does not take CSV; send JSON.'), payload);
    } else if (csv === 'other-charset') {
      done(
        new ApiError(415, 'VALIDATION_FAILED', 'Send the CSV file as UTF-8 (Content-Type: text/csv; charset=utf-8).'),
        payload,
      );
    } else done(null, payload);
  });
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: MAX_CSV_BODY_BYTES },
    (_request, body, done) => {
      try {
        done(null, utf8.decode(body as Buffer));
      } catch {
        const message = 'The file is not UTF-8 text; save it as "CSV UTF-8" and send it again.';
        done(ApiError.validation({ body: message }, message), undefined);
      }
    },
  );
}

/**
 * The built dashboard is served at `/`. Deep links (`/approvals/123`) fall back
 * to index.html; anything under /api that matched no route stays a JSON 404.
 */
function dashboardFallback(config: AppConfig): UnmatchedRouteHandler {
  const indexHtml = config.dashboardDir
    ? indexHtmlWithNonce(readFileSync(join(config.dashboardDir, 'index.html'), 'utf8'))
    : null;
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    const looksLikeFile = path !== '/index.html' && /\.[a-z0-9]{1,8}$/i.test(path);
    if (!indexHtml || isApi || looksLikeFile || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    // A fresh nonce per response, in the page (ngCspNonce) and in its policy: Angular's component styles are
    // <style> elements, allowed by the nonce alone (no 'unsafe-inline').
    const nonce = newCspNonce();
    void reply
      .status(200)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', dashboardCsp(nonce))
      .type('text/html; charset=utf-8')
      .header('vary', 'accept-encoding');
    // Compressed here: the global compression hook is attached to routes, and this fallback is none.
    const page = encodePage(indexHtml(nonce), request.headers['accept-encoding']);
    if (page.encoding) void reply.header('content-encoding', page.encoding);
    void reply.send(page.body);
    return true;
  };
}
