import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrorResponses, HealthService, PageQueryDto, pageWindow, Roles, toPage } from '@stint/api-core';
import type { FailedJob, Page, QueueMonitor, QueueState } from '@stint/contracts';
import { QueueName } from './job-names';
import { QueueService } from './queue.service';

function queueNamed(name: string): QueueName {
  const queue = Object.values(QueueName).find((q) => q === name);
  if (!queue) throw ApiError.notFound('queue', name);
  return queue;
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueuesController {
  constructor(
    private readonly queues: QueueService,
    private readonly health: HealthService,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Queue monitor (admin): jobs per queue and state, the job schedulers, and whether a worker is alive (heartbeat within 2 minutes).',
  })
  @ApiErrorResponses(401, 403, 503)
  async list(): Promise<QueueMonitor> {
    const queues: QueueState[] = [];
    for (const name of Object.values(QueueName)) {
      const c = await this.queues.counts(name);
      queues.push({
        name,
        waiting: c['waiting'] ?? 0,
        delayed: c['delayed'] ?? 0,
        active: c['active'] ?? 0,
        failed: c['failed'] ?? 0,
        completed: c['completed'] ?? 0,
        paused: c['paused'] ?? 0,
      });
    }
    const beat = await this.health.workerHeartbeat();
    return {
      queues,
      worker: { status: this.health.workerState(beat), lastHeartbeatAt: beat ? beat.toISOString() : null },
      schedulers: await this.queues.schedulers(),
    };
  }

  @Get(':queue/failed')
  @Roles('admin')
  @ApiOperation({ summary: 'Failed jobs of a queue (admin), newest first, with the reason of the last failure.' })
  @ApiErrorResponses(400, 401, 403, 404, 503)
  async failed(@Param('queue') name: string, @Query() q: PageQueryDto): Promise<Page<FailedJob>> {
    const queue = queueNamed(name);
    const window = pageWindow(q);
    const { jobs, total } = await this.queues.failedJobs(queue, window.offset, window.offset + window.pageSize - 1);
    return toPage(
      jobs.map((j) => ({
        id: String(j.id),
        queue,
        name: j.name,
        failedReason: j.failedReason ?? '',
        attemptsMade: j.attemptsMade,
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        data: (j.data ?? {}) as Record<string, unknown>,
      })),
      total,
      window,
    );
  }

  @Post(':queue/jobs/:id/retry')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Retry one failed job (admin). 404 NOT_FOUND when the queue has no failed job of that id.' })
  @ApiErrorResponses(401, 403, 404, 503)
  async retry(@Param('queue') name: string, @Param('id') id: string): Promise<void> {
    const queue = queueNamed(name);
    if (!(await this.queues.retryFailed(queue, id))) throw ApiError.notFound('failed job', id);
  }
}
