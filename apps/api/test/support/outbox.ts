import { sql } from './sql';

/* The email outbox (the notifications table), as the delivery specs watch it. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Emails recorded straight into the outbox, as a burst of business events would (no send job queued). */
export async function recordEmails(
  tag: string,
  count: number,
  recipient = (i: number) => `${tag}-${i}@test.stint`,
): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await sql(
      `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key) VALUES ('digest', $1, $2, 'body', '<p>body</p>', $3)`,
      [recipient(i), `${tag} #${i}`, `${tag}:${i}`],
    );
  }
}

/** A notification row as the outbox keeps it. */
export interface Row {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  claimed_until: Date | null;
  last_error: string | null;
}
export const rowsOf = (tag: string) =>
  sql<Row>(
    `SELECT id, status, attempts, next_attempt_at, claimed_until, last_error FROM notifications WHERE dedupe_key LIKE $1`,
    [`${tag}:%`],
  );
