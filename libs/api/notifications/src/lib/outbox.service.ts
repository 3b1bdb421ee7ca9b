import { Injectable } from '@nestjs/common';
import { afterCommit, type SqlWrite } from '@stint/api-core';
import { JobName, jobIds, QueueService } from '@stint/api-jobs';
import type { NotificationKind } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import { EmailContent, renderEmail } from './email-layout';
import type { StoredAttachment } from './notification.entity';
import { insertNotifications, type OutboxRow } from './outbox.queries';

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
    const [id] = await this.recordAll(m, [entry]);
    return id ?? null;
  }

  /**
   * Records several emails in one statement (each recipient of one event,
   * say); returns their ids in order, null where the dedupe key was already
   * recorded. Their send jobs are enqueued together once the change commits.
   * `alongside`: other writes of the change to make in the same statement.
   */
  async recordAll(
    m: EntityManager,
    entries: OutboxEntry[],
    alongside: readonly SqlWrite[] = [],
  ): Promise<Array<string | null>> {
    const ids = await insertNotifications(m, entries.map(outboxRow), alongside);
    const added = ids.filter((id): id is string => id !== null);
    if (added.length)
      afterCommit(() => {
        const now = new Date();
        return this.queues.addAllAt(
          added.map((id) => ({
            name: JobName.SendEmail,
            payload: { notificationId: id },
            jobId: jobIds.sendEmail(id, 0),
            dueAt: now,
          })),
          now,
        );
      });
    return ids;
  }
}

function outboxRow(entry: OutboxEntry): OutboxRow {
  const email = renderEmail(entry.content);
  return {
    kind: entry.kind,
    recipient: entry.to.email,
    recipientId: entry.to.id,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: entry.attachments ?? [],
    dedupeKey: entry.dedupeKey,
    relatedType: entry.related?.type ?? null,
    relatedId: entry.related?.id ?? null,
  };
}
