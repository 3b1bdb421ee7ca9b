import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, MetricsService } from '@stint/api-core';
import type { JobInfo } from '@stint/api-jobs';
import { DataSource } from 'typeorm';
import { MailerService } from './mailer.service';
import { NotificationEntity } from './notification.entity';

/**
 * The send job: one recorded notification, sent at most once. The row is
 * locked (SKIP LOCKED) while SMTP talks, so a second worker running the same
 * job skips it; a row already sent is left alone.
 */
@Injectable()
export class EmailSenderService {
  private readonly logger = new Logger(EmailSenderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: MailerService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async send(notificationId: string, job: JobInfo): Promise<void> {
    const failure = await this.db.transaction(async (m) => {
      const row = await m
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('n.id = :id', { id: notificationId })
        .getOne();
      if (!row || row.status === 'sent') return null;
      try {
        const messageId = await this.mailer.send({
          to: row.recipient,
          subject: row.subject,
          text: row.bodyText,
          html: row.bodyHtml,
          attachments: row.attachments,
          messageId: `<${row.id}@stint>`,
        });
        await m.update(NotificationEntity, { id: row.id }, { status: 'sent', messageId, sentAt: this.clock.now(), attempts: row.attempts + 1, lastError: null });
        this.metrics.emails.inc({ outcome: 'sent' });
        return null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const final = job.attemptsMade + 1 >= job.maxAttempts;
        await m.update(NotificationEntity, { id: row.id }, { attempts: row.attempts + 1, lastError: message.slice(0, 2000), ...(final && { status: 'failed' as const }) });
        if (final) {
          this.metrics.emails.inc({ outcome: 'failed' });
          this.logger.error(`Giving up on notification ${row.id} to ${row.recipient} after ${row.attempts + 1} attempts: ${message}`);
          return null;
        }
        return error instanceof Error ? error : new Error(message);
      }
    });
    // Thrown after the commit, so the attempt count survives and BullMQ retries with back-off.
    if (failure) throw failure;
  }
}
