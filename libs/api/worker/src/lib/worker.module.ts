import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@stint/api-audit';
import { UserEntity } from '@stint/api-auth';
import { OfferLapseJob, PlacementEntity, RotationRequestEntity, WaitlistModule } from '@stint/api-booking';
import { CheckInOverdueJob, CheckInReminderJob, CheckInsModule } from '@stint/api-checkins';
import { APP_CONFIG, AppConfig, CoreModule, REDIS } from '@stint/api-core';
import { JobName, JobsModule, JobWorkers, QueueName } from '@stint/api-jobs';
import { DailyDigestJob, MaintenanceModule, ReconcileJob } from '@stint/api-maintenance';
import { EmailSenderService, NotificationsModule } from '@stint/api-notifications';
import { TeamEntity } from '@stint/api-programme';
import { ApprovalNudgeJob, RequestNoticesModule } from '@stint/api-request-notices';
import type Redis from 'ioredis';
import { recordHeartbeat } from './heartbeat';
import { Watchdog } from './watchdog';

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly workers: JobWorkers,
    private readonly reminder: CheckInReminderJob,
    private readonly overdue: CheckInOverdueJob,
    private readonly nudge: ApprovalNudgeJob,
    private readonly sender: EmailSenderService,
    private readonly digest: DailyDigestJob,
    private readonly reconciler: ReconcileJob,
    private readonly offerLapse: OfferLapseJob,
    private readonly watchdog: Watchdog,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, { role: 'worker' }),
        JobsModule,
        NotificationsModule,
        AuditModule,
        CheckInsModule,
        RequestNoticesModule,
        MaintenanceModule,
        WaitlistModule.register({ ports: [RequestNoticesModule] }),
        // The entities the worker's own entities name in foreign keys (and those name in theirs): TypeORM
        // refuses to start when a foreign key points at an entity it was not given.
        TypeOrmModule.forFeature([UserEntity, TeamEntity, RotationRequestEntity, PlacementEntity]),
      ],
      providers: [Watchdog],
      exports: [Watchdog],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Exactly one handler per job name: the JobHandlers type and JobWorkers.start() both insist.
    this.workers.start(
      {
        [JobName.Heartbeat]: async () => recordHeartbeat(this.redis, this.config.queuePrefix, new Date()),
        [JobName.CheckInReminder]: (payload) => this.reminder.run(payload),
        [JobName.CheckInOverdue]: (payload) => this.overdue.run(payload),
        [JobName.ApprovalNudge]: (payload) => this.nudge.run(payload),
        [JobName.SendEmail]: (payload) => this.sender.send(payload.notificationId),
        [JobName.DailyDigest]: async () => {
          await this.digest.run();
        },
        [JobName.Reconcile]: async (payload) => {
          await this.reconciler.run(payload.scope ?? 'full');
          await this.offerLapse.sweep();
        },
        [JobName.OfferLapse]: (payload) => this.offerLapse.run(payload),
      },
      // Sends hold no database connection while SMTP talks, so a slow mail server occupies only email slots;
      // reminder jobs keep their own 20 and the pool (10) is only held for short statements.
      { [QueueName.Email]: 10, [QueueName.Reminders]: 20, [QueueName.Maintenance]: 1 },
    );
    // The first check registers the schedulers and queues a reconcile: a Redis that lost everything costs a delay, never a reminder.
    await this.watchdog.check();
    this.watchdog.start();
    this.logger.log(`Stint worker ready (queue prefix ${this.config.queuePrefix}).`);
  }
}
