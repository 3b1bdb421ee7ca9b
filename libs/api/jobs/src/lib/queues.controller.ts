import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Roles } from '@stint/api-core';
import { QueueName } from './job-names';
import { QueueService } from './queue.service';

export interface QueueState {
  name: string;
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
  paused: number;
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly queues: QueueService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Queue monitor (admin): jobs per queue and state, read from Redis.' })
  @ApiErrorResponses(401, 403, 503)
  async list(): Promise<{ queues: QueueState[] }> {
    const queues: QueueState[] = [];
    for (const name of Object.values(QueueName)) {
      const c = await this.queues.counts(name);
      queues.push({ name, waiting: c['waiting'] ?? 0, delayed: c['delayed'] ?? 0, active: c['active'] ?? 0, failed: c['failed'] ?? 0, completed: c['completed'] ?? 0, paused: c['paused'] ?? 0 });
    }
    return { queues };
  }
}
