import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '@stint/api-audit';
import { CheckInJobsService, CheckInsModule } from '@stint/api-checkins';
import { APP_CONFIG, AppConfig, CoreModule, REDIS } from '@stint/api-core';
import { JobName, JobsModule, QueueName, QueueService } from '@stint/api-jobs';
import { EmailSenderService, NotificationsModule } from '@stint/api-notifications';
import type Redis from 'ioredis';
import { recordHeartbeat } from './heartbeat';

const HEARTBEAT_EVERY_MS = 30_000;
const RECONCILE_EVERY_MS = 10 * 60_000;

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly queues: QueueService,
    private readonly jobs: CheckInJobsService,
    private readonly sender: EmailSenderService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, { role: 'worker' }), JobsModule, NotificationsModule, AuditModule, CheckInsModule],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Exactly one handler per job name: the JobHandlers type and startWorkers() both insist.
    this.queues.startWorkers(
      {
        [JobName.Heartbeat]: async () => recordHeartbeat(this.redis, this.config.queuePrefix, new Date()),
        [JobName.CheckInReminder]: (payload) => this.jobs.reminder(payload),
        [JobName.CheckInOverdue]: (payload) => this.jobs.overdue(payload),
        [JobName.ApprovalNudge]: (payload) => this.jobs.approvalNudge(payload),
        [JobName.SendEmail]: (payload, job) => this.sender.send(payload.notificationId, job),
        [JobName.DailyDigest]: async () => {
          await this.jobs.dailyDigest();
        },
        [JobName.Reconcile]: async () => {
          await this.jobs.reconcile();
        },
      },
      { [QueueName.Email]: 10, [QueueName.Reminders]: 20, [QueueName.Maintenance]: 1 },
    );
    // Registered idempotently under stable keys at every start.
    await this.queues.upsertScheduler('heartbeat', JobName.Heartbeat, { everyMs: HEARTBEAT_EVERY_MS }, {});
    await this.queues.upsertScheduler('daily-digest', JobName.DailyDigest, { pattern: '0 * * * *' }, {});
    await this.queues.upsertScheduler('reconcile', JobName.Reconcile, { everyMs: RECONCILE_EVERY_MS }, {});
    // And once now: a Redis that lost everything costs a delay, never a reminder.
    await this.queues.add(JobName.Reconcile, {}, { jobId: `reconcile-start-${Date.now()}` });
    this.logger.log(`Stint worker ready (queue prefix ${this.config.queuePrefix}).`);
  }
}
