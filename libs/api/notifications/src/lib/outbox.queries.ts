import type { NotificationKind } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import type { StoredAttachment } from './notification.entity';

/** Anything that runs SQL: an entity manager (in a transaction or not) or a data source. */
type Sql = Pick<EntityManager, 'query'>;

/** A rendered email as the outbox stores it. */
export interface OutboxRow {
  kind: NotificationKind;
  recipient: string;
  recipientId: string | null;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
  dedupeKey: string;
  relatedType: string | null;
  relatedId: string | null;
}

/** A pending email the sweep makes sure has its send job. */
export interface PendingEmail {
  id: string;
  attempts: number;
  next_attempt_at: Date | null;
}

/** Inserts the email; null when its dedupe key was already recorded. */
export async function insertNotification(m: Sql, row: OutboxRow): Promise<string | null> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO notifications (kind, recipient, recipient_id, subject, body_text, body_html, attachments, dedupe_key, related_type, related_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [
      row.kind,
      row.recipient,
      row.recipientId,
      row.subject,
      row.text,
      row.html,
      JSON.stringify(row.attachments),
      row.dedupeKey,
      row.relatedType,
      row.relatedId,
    ],
  );
  return rows[0]?.id ?? null;
}

/**
 * Pending emails no live worker holds, oldest first, at most `limit`. With
 * `staleAfterMs`, only those more than that past their moment, or whose claim
 * expired.
 */
export async function pendingEmails(
  m: Sql,
  now: Date,
  limit: number,
  staleAfterMs: number | null,
): Promise<PendingEmail[]> {
  const stale =
    staleAfterMs === null
      ? ''
      : `AND (claimed_until < $1::timestamptz OR COALESCE(next_attempt_at, created_at) < $1::timestamptz - make_interval(secs => ${staleAfterMs / 1000}))`;
  return m.query(
    `SELECT id, attempts, next_attempt_at FROM notifications
      WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < $1::timestamptz) ${stale}
      ORDER BY created_at LIMIT ${limit}`,
    [now.toISOString()],
  );
}

const REOPEN = `status = 'pending', next_attempt_at = NULL, first_failed_at = NULL, claimed_until = NULL, permanent_failure = false`;

/** One email back to pending with a fresh retry window. */
export async function reopenEmail(m: Sql, id: string): Promise<void> {
  await m.query(`UPDATE notifications SET ${REOPEN} WHERE id = $1`, [id]);
}

/** Every failed email back to pending with a fresh retry window; returns those reopened. */
export async function reopenFailedEmails(m: Sql): Promise<Array<{ id: string; attempts: number }>> {
  const [updated] = (await m.query(
    `UPDATE notifications SET ${REOPEN} WHERE status = 'failed' RETURNING id, attempts`,
  )) as [Array<{ id: string; attempts: number }>, number];
  return updated;
}
