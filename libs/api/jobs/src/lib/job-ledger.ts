import type { JobRun, JobRunOutcome } from '@stint/contracts';

const DAY = 24 * 3_600_000;

/**
 * The job ledger (table `job_runs`): what each reminder, overdue and
 * approval-nudge job did, in PostgreSQL. Recording a run is the once-only
 * gate of every such handler (`recordRun` in `job-runs.queries.ts`); the
 * reconciler reads the ledger to know which jobs are still owed.
 */

/**
 * How late an overdue escalation may still go out. After a gap (Redis lost,
 * a worker down for a day) late escalations are sent; one that is more than a
 * week late says nothing useful any more and is recorded as skipped instead.
 */
export const OVERDUE_LATE_LIMIT_MS = 7 * DAY;
/** A job run up to this much before its moment still counts as on time (clock differences between Redis and us). */
export const EARLY_TOLERANCE_MS = 60_000;

export type JobRunKind = JobRun['kind'];
export const JOB_RUN_KINDS = ['checkin_reminder', 'checkin_overdue', 'approval_nudge'] as const;

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
