/**
 * When a failed email is tried again, and when Stint gives up. Pure, so the
 * timetable is unit-tested without a mail server.
 *
 * - Transient failures (connection refused, reset or timed out, 4xx replies)
 *   are retried with exponential back-off from 15 s, capped at 5 minutes
 *   between attempts, for 24 hours from the first failure.
 * - Permanent failures (a 5xx reply) fail at once: retrying will not help.
 */
export const RETRY_FIRST_DELAY_MS = 15_000;
export const RETRY_MAX_DELAY_MS = 5 * 60_000;
export const RETRY_WINDOW_MS = 24 * 3_600_000;

export type FailureKind = 'transient' | 'permanent';

export interface SmtpFailure {
  kind: FailureKind;
  /** One line for the email log: the server's reply, or the network error. */
  message: string;
}

/** Reads a nodemailer error: a 5xx reply is permanent; everything else (4xx, network, timeouts) is transient. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = typeof e.response === 'string' && e.response ? e.response : null;
  const text = typeof e.message === 'string' ? e.message : String(error);
  const message = (reply ?? (typeof e.code === 'string' ? `${e.code}: ${text}` : text))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
  return { kind: code !== null && code >= 500 && code < 600 ? 'permanent' : 'transient', message };
}

/** The pause before attempt `failures + 1`, after `failures` transient failures (≥ 1). */
export function retryDelayMs(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(RETRY_MAX_DELAY_MS, RETRY_FIRST_DELAY_MS * 2 ** Math.min(exponent, 30));
}

/**
 * After a transient failure: the next attempt's instant, or null when the
 * 24-hour window since the first failure has run out.
 */
export function nextAttemptAt(failures: number, firstFailedAt: Date, now: Date): Date | null {
  if (now.getTime() - firstFailedAt.getTime() >= RETRY_WINDOW_MS) return null;
  return new Date(now.getTime() + retryDelayMs(failures));
}
