import type { JobRun, JobRunOutcome } from '@stint/contracts';
import type { EntityManager } from 'typeorm';

const DAY = 24 * 3_600_000;

/**
 * How late an overdue escalation may still go out. After a gap (Redis lost,
 * a worker down for a day) late escalations are sent; one that is more than a
 * week late says nothing useful any more and is recorded as skipped instead.
 */
export const OVERDUE_LATE_LIMIT_MS = 7 * DAY;
/** A job run up to this much before its moment still counts as on time (clock differences between Redis and us). */
export const EARLY_TOLERANCE_MS = 60_000;

export type JobRunKind = JobRun['kind'];

export interface JobRunEntry {
  kind: JobRunKind;
  subjectId: string;
  /** The instant that identifies the occasion: the check-in's scheduled time, or the request's pending-since. */
  subjectAt: Date;
  /** The nudge's hours (24, 48, 72); 0 otherwise. */
  step?: number;
  dueAt: Date;
  ranAt: Date;
  outcome: JobRunOutcome;
  reason?: string | null;
}

/** The reasons a job is skipped, worded for the operator who reads them; `{at}` is an instant (SQL fills it in bulk). */
export const SKIP_TEMPLATES = {
  checkInBegun:
    'The check-in began at {at} before its reminder could go out (the worker or Redis was away); a reminder after the start would only confuse.',
  tooLate: 'Due at {at}, more than 7 days ago: too late to escalate usefully.',
  superseded: 'A later step ({at} h) was due as well; only the latest is sent, so nobody gets a burst of reminders.',
};

export const skipReason = {
  checkInBegun: (scheduledAt: Date) => SKIP_TEMPLATES.checkInBegun.replace('{at}', scheduledAt.toISOString()),
  tooLate: (dueAt: Date) => SKIP_TEMPLATES.tooLate.replace('{at}', dueAt.toISOString()),
  superseded: (hours: number) => SKIP_TEMPLATES.superseded.replace('{at}', String(hours)),
};

/** SQL for an instant as `toISOString()` writes it (milliseconds included), to fill `{at}` in bulk. */
export const SQL_ISO = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * What each reminder, overdue and approval-nudge job did, in PostgreSQL.
 * `record` is the once-only gate: it inserts the run in the caller's
 * transaction and returns false when the occasion was already handled, so a
 * repeated or re-created job never sends twice. The reconciler reads the
 * ledger to know which jobs are still owed.
 */
export async function recordRun(m: EntityManager, run: JobRunEntry): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [
      run.kind,
      run.subjectId,
      run.subjectAt.toISOString(),
      run.step ?? 0,
      run.dueAt.toISOString(),
      run.ranAt.toISOString(),
      run.outcome,
      run.reason ?? null,
    ],
  );
  return rows.length > 0;
}

export function toJobRun(row: {
  kind: JobRunKind;
  subject_id: string;
  subject_at: Date;
  step: number;
  due_at: Date;
  ran_at: Date;
  outcome: JobRunOutcome;
  reason: string | null;
}): JobRun {
  const dueAt = new Date(row.due_at);
  const ranAt = new Date(row.ran_at);
  return {
    key: `${row.kind}:${row.subject_id}:${new Date(row.subject_at).getTime()}${row.step ? `:${row.step}` : ''}`,
    kind: row.kind,
    subjectId: row.subject_id,
    dueAt: dueAt.toISOString(),
    ranAt: ranAt.toISOString(),
    outcome: row.outcome,
    reason: row.reason,
    latenessMs: ranAt.getTime() - dueAt.getTime(),
  };
}
