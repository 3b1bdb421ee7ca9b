import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsService, REDIS } from '@stint/api-core';
import { JobName, QueueService } from '@stint/api-jobs';
import { OutboxSweeper } from '@stint/api-notifications';
import type Redis from 'ioredis';
import { hostname } from 'node:os';
import { recordHeartbeat } from './heartbeat';

/** How often the worker checks itself and Redis. The bound is "within 2 minutes" after a loss. */
export const WATCHDOG_EVERY_MS = 30_000;
const HEARTBEAT_EVERY_MS = 30_000;
const RECONCILE_EVERY_MS = 10 * 60_000;

/**
 * Every recurring job, under a stable key. The reconciler looks at what changed every 10 minutes, so its cost
 * follows the changes, and at everything once an hour (and at start, after a Redis loss and a policy change).
 */
export const SCHEDULERS = [
  { key: 'heartbeat', name: JobName.Heartbeat, every: { everyMs: HEARTBEAT_EVERY_MS }, payload: {} },
  { key: 'daily-digest', name: JobName.DailyDigest, every: { pattern: '0 * * * *' }, payload: {} },
  {
    key: 'reconcile-changes',
    name: JobName.Reconcile,
    every: { everyMs: RECONCILE_EVERY_MS },
    payload: { scope: 'changes' },
  },
  { key: 'reconcile', name: JobName.Reconcile, every: { pattern: '30 * * * *' }, payload: { scope: 'full' } },
] as const;

export interface WatchdogReport {
  /** Scheduler keys that were missing and were registered again. */
  restoredSchedulers: string[];
  /** Whether Redis had lost this instance's data since the last check (a full reconcile was queued). */
  dataLost: boolean;
  /** Send jobs re-queued for emails pending in the outbox. */
  emailsQueued: number;
}

/**
 * Self-healing without a restart. Every 30 seconds each worker beats, publishes
 * its metrics, re-registers any job scheduler that is missing, and re-queues
 * pending emails that are more than 2 minutes overdue or whose claim expired
 * (their send job is gone). A sentinel key tells when Redis lost
 * this instance's data (FLUSHALL, keys deleted, a Redis without persistence
 * restarted); then a full reconcile rebuilds every job PostgreSQL implies
 * within the 48-hour horizon (later ones are added as they come near).
 */
@Injectable()
export class Watchdog implements OnApplicationShutdown {
  private readonly logger = new Logger('Watchdog');
  private readonly workerId = `${hostname()}-${process.pid}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<WatchdogReport | null> | null = null;
  private checks = 0;

  constructor(
    private readonly queues: QueueService,
    private readonly sweeper: OutboxSweeper,
    private readonly metrics: MetricsService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(everyMs = WATCHDOG_EVERY_MS): void {
    this.timer = setInterval(() => void this.check(), everyMs);
    this.timer.unref();
  }

  /** One round of checks; concurrent calls share the round in progress. Never throws (Redis or PostgreSQL may be away). */
  check(): Promise<WatchdogReport | null> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<WatchdogReport | null> {
    const first = this.checks++ === 0;
    try {
      await recordHeartbeat(this.redis, this.config.queuePrefix, new Date());
      await this.metrics.publishWorkerSnapshot(this.workerId).catch(() => undefined);
      // SET NX answers OK only when the sentinel was missing: at first start, or after Redis lost our keys.
      const sentinelMissing =
        (await this.redis.set(`${this.config.queuePrefix}:worker:sentinel`, new Date().toISOString(), 'NX')) === 'OK';
      const restoredSchedulers = await this.queues.ensureSchedulers(SCHEDULERS);
      const dataLost = !first && (sentinelMissing || restoredSchedulers.length > 0);
      if (dataLost || first) {
        if (dataLost)
          this.logger.warn(
            `Redis lost Stint's data (missing: ${sentinelMissing ? 'sentinel' : ''} ${restoredSchedulers.join(', ')}); schedulers restored, rebuilding every job from PostgreSQL.`,
          );
        await this.queues.add(JobName.Reconcile, {}, { jobId: `reconcile-${first ? 'start' : 'heal'}-${Date.now()}` });
      }
      const emails = await this.sweeper.sweep('stale');
      return { restoredSchedulers: first ? [] : restoredSchedulers, dataLost, emailsQueued: emails.added };
    } catch (error) {
      this.logger.warn(
        `Watchdog check failed (${error instanceof Error ? error.message : String(error)}); trying again in ${WATCHDOG_EVERY_MS / 1000} s.`,
      );
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
