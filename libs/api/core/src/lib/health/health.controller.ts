import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApiErrorBody, HealthStatus } from '@stint/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Checks PostgreSQL, Redis and the worker heartbeat. 503 UNAVAILABLE names what is down; a worker silent for 2 minutes gives 200 with status "degraded" and worker "down".',
  })
  @ApiResponse({
    status: 200,
    description: '{status: "ok" | "degraded", database: "up", redis: "up", worker: "up" | "down", workerHeartbeatAt}',
  })
  @ApiResponse({ status: 503, description: 'A dependency is down (details name it).' })
  async get(@Res() reply: FastifyReply): Promise<void> {
    const status = await this.health.check();
    if (status.status !== 'unavailable') {
      await reply.status(200).send(status);
      return;
    }
    const down = [status.database === 'down' ? 'database' : null, status.redis === 'down' ? 'redis' : null].filter(
      (d): d is string => d !== null,
    );
    const body: ApiErrorBody & HealthStatus = {
      statusCode: 503,
      code: 'UNAVAILABLE',
      message: `Unavailable: ${down.join(' and ')} ${down.length === 1 ? 'is' : 'are'} down.`,
      details: { down, database: status.database, redis: status.redis },
      ...status,
    };
    await reply.status(503).send(body);
  }
}
