import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CoreModule, REDIS } from '@stint/api-core';
import { JobName, JobsModule, QueueService } from '@stint/api-jobs';
import type Redis from 'ioredis';
import { recordHeartbeat } from './heartbeat';

const HEARTBEAT_EVERY_MS = 30_000;

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly queues: QueueService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config, { role: 'worker' }), JobsModule] };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.queues.startWorkers({
      [JobName.Heartbeat]: async () => recordHeartbeat(this.redis, this.config.queuePrefix, new Date()),
    });
    await this.queues.upsertScheduler('heartbeat', JobName.Heartbeat, { everyMs: HEARTBEAT_EVERY_MS }, {});
    this.logger.log(`Stint worker ready (queue prefix ${this.config.queuePrefix}).`);
  }
}
