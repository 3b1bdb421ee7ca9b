import type { NotificationKind } from '@stint/contracts';
import { namedQuery, runWrites, type SqlWrite, withWrites } from '@stint/api-core';
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

const OUTBOX_COLUMNS = 10;

function outboxValues(row: OutboxRow): unknown[] {
  return [
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
  ];
}

/**
 * Inserts the emails in one statement, in order; each id, or null where its
 * dedupe key was already recorded. One round trip whatever the number of
 * recipients: a booking's emails are written while its team is locked.
 */
export async function insertNotifications(
  m: Sql,
  rows: OutboxRow[],
  alongside: readonly SqlWrite[] = [],
): Promise<Array<string | null>> {
  if (!rows.length) {
    if (alongside.length) await runWrites(m, alongside);
    return [];
  }
  const tuples = rows.map((_, r) => {
    const at = (c: number) => `$${r * OUTBOX_COLUMNS + c}`;
    return `(${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}, ${at(7)}::jsonb, ${at(8)}, ${at(9)}, ${at(10)})`;
  });
  // The writes that come with these emails (a booking's check-ins) go in front, in the same statement.
  const writes = withWrites(alongside, rows.flatMap(outboxValues));
  // Named when alone (one text per number of emails); with writes alongside, the text also varies with them.
  const sql = `${writes.sql}INSERT INTO notifications (kind, recipient, recipient_id, subject, body_text, body_html, attachments, dedupe_key, related_type, related_id)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, dedupe_key`;
  const inserted: Array<{ id: string; dedupe_key: string }> = await m.query(
    alongside.length ? sql : namedQuery(sql),
    writes.params,
  );
  const ids = new Map(inserted.map((r) => [r.dedupe_key, r.id]));
  // A key given twice is inserted once: the first row of it gets the id, a repeat null.
  return rows.map((row) => {
    const id = ids.get(row.dedupeKey) ?? null;
    ids.delete(row.dedupeKey);
    return id;
  });
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
