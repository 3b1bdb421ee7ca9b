import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, MetricsService, withTimeout } from '@stint/api-core';
import { JobName, jobIds, QueueService } from '@stint/api-jobs';
import { DataSource } from 'typeorm';
import { claimEmail, ClaimedEmail, DeliveryOutcome, recordDelivery } from './email-delivery.queries';
import { MailerService } from './mailer.service';
import { classifySmtpError, nextAttemptAt } from './retry-policy';

/** How long one worker owns an email it claimed; after that (a worker killed mid-send) another may take it. */
export const CLAIM_MS = 3 * 60_000;
/** One SMTP conversation may take this long before it counts as a transient failure; well inside the claim. */
export const SEND_DEADLINE_MS = 2 * 60_000;

/**
 * The send job, in three steps with no transaction across SMTP:
 * 1. claim the row in one statement (pending, due, not claimed by a live worker; attempts + 1);
 * 2. talk SMTP with no database connection held;
 * 3. record the result in one statement, guarded by the claim's attempt number.
 * A transient failure schedules the next attempt as a new job; a permanent
 * one (5xx) or the end of the 24-hour window marks the email failed.
 * At-least-once at the SMTP edge: a worker killed after the server accepted a
 * message but before step 3 leaves a claim that expires, and the email is sent
 * again with the same Message-ID.
 */
@Injectable()
export class EmailSenderService {
  private readonly logger = new Logger(EmailSenderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: MailerService,
    private readonly metrics: MetricsService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async send(notificationId: string): Promise<void> {
    const row = await this.claim(notificationId);
    if (!row) return; // sent, failed, claimed by a live worker, or not due yet: nothing for this job to do
    const outcome = await this.attempt(row);
    await this.record(row, outcome);
    if (outcome.kind === 'retry') {
      // Best effort: if Redis is away, the outbox sweep adds this job from PostgreSQL's next_attempt_at.
      await this.queues
        .addAt(
          JobName.SendEmail,
          { notificationId: row.id },
          jobIds.sendEmail(row.id, row.attempts),
          outcome.next,
          this.clock.now(),
        )
        .catch((error: Error) =>
          this.logger.warn(
            `Retry of notification ${row.id} not queued (${error.message}); the outbox sweep will queue it.`,
          ),
        );
    }
  }

  private claim(id: string): Promise<ClaimedEmail | null> {
    return claimEmail(this.db, id, this.clock.now(), CLAIM_MS);
  }

  private async attempt(row: ClaimedEmail): Promise<DeliveryOutcome> {
    try {
      const messageId = await withTimeout(
        this.mailer.send({
          to: row.recipient,
          subject: row.subject,
          text: row.body_text,
          html: row.body_html,
          attachments: row.attachments,
          messageId: `<${row.id}@stint>`,
        }),
        SEND_DEADLINE_MS,
        'The mail server',
      );
      return { kind: 'sent', messageId };
    } catch (error) {
      const failure = classifySmtpError(error);
      const now = this.clock.now();
      const firstFailedAt = row.first_failed_at ? new Date(row.first_failed_at) : now;
      if (failure.kind === 'permanent')
        return { kind: 'failed', error: failure.message, permanent: true, firstFailedAt };
      const failures = row.attempts; // every attempt so far has failed, this one included
      const next = nextAttemptAt(failures, firstFailedAt, now);
      if (!next)
        return {
          kind: 'failed',
          error: `Gave up after 24 hours of retries. Last error: ${failure.message}`,
          permanent: false,
          firstFailedAt,
        };
      return { kind: 'retry', error: failure.message, next, firstFailedAt };
    }
  }

  /** Writes the outcome; retried while PostgreSQL is briefly away so a sent email is not sent again. */
  private async record(row: ClaimedEmail, outcome: DeliveryOutcome): Promise<void> {
    const now = this.clock.now();
    const deadline = Date.now() + CLAIM_MS - SEND_DEADLINE_MS;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await recordDelivery(this.db, row, outcome, now);
        break;
      } catch (error) {
        if (Date.now() + wait > deadline) throw error;
        this.logger.warn(
          `Recording the outcome of notification ${row.id} failed (${(error as Error).message}); trying again.`,
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    if (outcome.kind === 'sent') this.metrics.emails.inc({ outcome: 'sent' });
    else if (outcome.kind === 'retry') this.metrics.emails.inc({ outcome: 'retry' });
    else {
      this.metrics.emails.inc({ outcome: 'failed' });
      this.logger.error(`Giving up on notification ${row.id} after ${row.attempts} attempt(s): ${outcome.error}`);
    }
  }
}
