import type { DataSource } from 'typeorm';
import type { StoredAttachment } from './notification.entity';

/** An email a worker claimed for one SMTP attempt. */
export interface ClaimedEmail {
  id: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string;
  attachments: StoredAttachment[];
  attempts: number;
  first_failed_at: Date | null;
}

export type DeliveryOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'retry'; error: string; next: Date; firstFailedAt: Date }
  | { kind: 'failed'; error: string; permanent: boolean; firstFailedAt: Date };

/**
 * Claims an email in one statement: pending, due, not claimed by a live
 * worker; counts the attempt and holds the claim for `claimMs`. Null when
 * there is nothing for this job to do.
 */
export async function claimEmail(db: DataSource, id: string, now: Date, claimMs: number): Promise<ClaimedEmail | null> {
  const [rows] = (await db.query(
    `UPDATE notifications
        SET attempts = attempts + 1, claimed_until = $2::timestamptz + make_interval(secs => $3::double precision / 1000)
      WHERE id = $1 AND status = 'pending'
        AND (claimed_until IS NULL OR claimed_until < $2::timestamptz)
        AND (next_attempt_at IS NULL OR next_attempt_at <= $2::timestamptz)
      RETURNING id, recipient, subject, body_text, body_html, attachments, attempts, first_failed_at`,
    [id, now.toISOString(), claimMs],
  )) as [ClaimedEmail[], number];
  return rows[0] ?? null;
}

/** Writes an attempt's outcome and releases the claim, guarded by the claim's attempt number. */
export async function recordDelivery(
  db: DataSource,
  email: Pick<ClaimedEmail, 'id' | 'attempts'>,
  outcome: DeliveryOutcome,
  now: Date,
): Promise<void> {
  const [sql, params]: [string, unknown[]] =
    outcome.kind === 'sent'
      ? [
          `status = 'sent', message_id = $3, sent_at = $4, last_error = NULL, next_attempt_at = NULL`,
          [outcome.messageId, now.toISOString()],
        ]
      : outcome.kind === 'retry'
        ? [
            `last_error = $3, next_attempt_at = $4, first_failed_at = $5`,
            [outcome.error, outcome.next.toISOString(), outcome.firstFailedAt.toISOString()],
          ]
        : [
            `status = 'failed', last_error = $3, next_attempt_at = NULL, first_failed_at = $4, permanent_failure = $5`,
            [outcome.error, outcome.firstFailedAt.toISOString(), outcome.permanent],
          ];
  await db.query(`UPDATE notifications SET claimed_until = NULL, ${sql} WHERE id = $1 AND attempts = $2`, [
    email.id,
    email.attempts,
    ...params,
  ]);
}
