import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, AuthenticatedUser, Clock } from '@stint/api-core';
import { DueJob, EnsureResult, JobName, jobIds, QueueName, QueueService } from '@stint/api-jobs';
import type { NotificationRecord, RetryFailedResult } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { NotificationEntity, toNotificationRecord } from './notification.entity';
import { pendingEmails, reopenEmail, reopenFailedEmails } from './outbox.queries';

/** The most pending emails one sweep looks at; the next sweep takes the rest. */
const SWEEP_LIMIT = 20_000;
/** How long an email may sit past its moment before the light sweep suspects its job is gone. */
const STALE_AFTER_MS = 2 * 60_000;

/** The send job of an email's next attempt. */
function sendJob(email: { id: string; attempts: number }, dueAt: Date): DueJob {
  return {
    name: JobName.SendEmail,
    payload: { notificationId: email.id },
    jobId: jobIds.sendEmail(email.id, email.attempts),
    dueAt,
  };
}

/**
 * Keeps Redis in step with the outbox. PostgreSQL says which emails are still
 * owed and when (pending, next_attempt_at, an expired claim); the sweep makes
 * sure each has its send job, so a Redis that lost its data, a retry that
 * could not be queued, or a worker killed mid-send costs a delay, never an
 * email. Admins' retries of failed emails go through here too.
 */
@Injectable()
export class OutboxSweeper {
  private readonly logger = new Logger(OutboxSweeper.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * `all` (the reconciler, after a Redis loss, admins' retries) checks every
   * pending email. `stale` (the watchdog, every 30 s) checks only those that
   * should have gone out more than 2 minutes ago, or whose claim expired, so
   * it costs next to nothing while mail flows normally.
   */
  async sweep(scope: 'all' | 'stale' = 'all'): Promise<EnsureResult & { pending: number }> {
    const now = this.clock.now();
    const rows = await pendingEmails(this.db, now, SWEEP_LIMIT, scope === 'stale' ? STALE_AFTER_MS : null);
    const jobs = rows.map((r) => sendJob(r, r.next_attempt_at ? new Date(r.next_attempt_at) : now));
    const result = await this.queues.ensureJobs(QueueName.Email, jobs, now);
    if (result.added || result.promoted)
      this.logger.log(
        `Outbox sweep: ${result.added} send jobs re-queued, ${result.promoted} brought forward, of ${rows.length} pending emails.`,
      );
    return { ...result, pending: rows.length };
  }

  /** One failed email back to pending, with a fresh 24-hour retry window, and queued at once. */
  async retry(caller: AuthenticatedUser, id: string): Promise<NotificationRecord> {
    const row = await this.db.transaction(async (m) => {
      const found = await m.findOne(NotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw ApiError.notFound('email', id);
      if (found.status !== 'failed') {
        throw ApiError.invalidState(`Only a failed email can be retried; this one is ${found.status}.`, {
          status: found.status,
        });
      }
      await reopenEmail(m, id);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'notification.retried',
        entityType: 'notification',
        entityId: id,
        before: { status: 'failed', lastError: found.lastError },
      });
      return m.findOneOrFail(NotificationEntity, { where: { id } });
    });
    await this.queue([{ id: row.id, attempts: row.attempts }]);
    return toNotificationRecord(row);
  }

  /** Every failed email back to pending and queued. */
  async retryAllFailed(caller: AuthenticatedUser): Promise<RetryFailedResult> {
    const rows = await this.db.transaction(async (m) => {
      const updated = await reopenFailedEmails(m);
      if (updated.length) {
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'notification.retried_all',
          entityType: 'notification',
          entityId: '00000000-0000-0000-0000-000000000000',
          after: { retried: updated.length },
        });
      }
      return updated;
    });
    await this.queue(rows);
    return { retried: rows.length };
  }

  private async queue(rows: Array<{ id: string; attempts: number }>): Promise<void> {
    const now = this.clock.now();
    const jobs = rows.map((r) => sendJob(r, now));
    // Committed already: if Redis is away, the worker's sweep queues them within a minute.
    await this.queues
      .ensureJobs(QueueName.Email, jobs, now)
      .catch((error: Error) =>
        this.logger.warn(`Retried emails not queued now (${error.message}); the outbox sweep will queue them.`),
      );
  }
}
