import { Injectable } from '@nestjs/common';
import { afterCommit } from '@stint/api-core';
import { JobName, jobIds, QueueService } from '@stint/api-jobs';
import type { NotificationKind } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import { EmailContent, renderEmail } from './email-layout';
import type { StoredAttachment } from './notification.entity';

export interface Recipient {
  id: string | null;
  email: string;
  name: string;
}

export interface OutboxEntry {
  kind: NotificationKind;
  to: Recipient;
  /** Unique per event and recipient: the same event never emails anyone twice. */
  dedupeKey: string;
  content: EmailContent;
  attachments?: StoredAttachment[];
  related?: { type: string; id: string };
}

/**
 * The transactional outbox: an email is a notifications row written in the
 * same transaction as the change that causes it; once that commits, a send
 * job is enqueued (the reconciler enqueues any that were missed).
 */
@Injectable()
export class OutboxService {
  constructor(private readonly queues: QueueService) {}

  /** Returns the new notification's id, or null when this dedupe key was already recorded. */
  async record(m: EntityManager, entry: OutboxEntry): Promise<string | null> {
    const email = renderEmail(entry.content);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (kind, recipient, recipient_id, subject, body_text, body_html, attachments, dedupe_key, related_type, related_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        entry.kind,
        entry.to.email,
        entry.to.id,
        email.subject,
        email.text,
        email.html,
        JSON.stringify(entry.attachments ?? []),
        entry.dedupeKey,
        entry.related?.type ?? null,
        entry.related?.id ?? null,
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id)
      afterCommit(() => this.queues.add(JobName.SendEmail, { notificationId: id }, { jobId: jobIds.sendEmail(id, 0) }));
    return id;
  }
}
