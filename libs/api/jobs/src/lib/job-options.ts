import type { JobsOptions } from 'bullmq';
import { JobName } from './job-names';

const DAY_SECONDS = 24 * 3600;

/** The custom back-off of every job: exponential from `delay`, never more than 5 minutes between attempts. */
export const CAPPED_BACKOFF = 'capped';
export const MAX_BACKOFF_MS = 5 * 60_000;

export function cappedBackoffMs(attemptsMade: number, delayMs = 1000): number {
  return Math.min(MAX_BACKOFF_MS, delayMs * 2 ** Math.min(Math.max(0, attemptsMade - 1), 30));
}

/**
 * Retention and retry by default. Completed jobs are removed at once: what a
 * job did is recorded in PostgreSQL (job_runs, notifications), so a finished
 * job in Redis would only block re-adding its id.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: CAPPED_BACKOFF, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * DAY_SECONDS, count: 10_000 },
};

/**
 * Per-job overrides of the defaults: the one table of job options.
 * - Reminder, overdue and nudge jobs retry (capped at 5 minutes apart) for
 *   about 4 hours; if they still fail, the reconciler adds them again, since
 *   PostgreSQL (job_runs) says they are still owed.
 * - A send-email job makes one SMTP attempt; SMTP failures are recorded on the
 *   notification and retried as a new job (see EmailSenderService), so these
 *   attempts only cover the database being away while claiming or recording.
 */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.Heartbeat]: { attempts: 1, removeOnFail: { count: 10 } },
  [JobName.CheckInReminder]: { attempts: 50 },
  [JobName.CheckInOverdue]: { attempts: 50 },
  [JobName.ApprovalNudge]: { attempts: 50 },
  [JobName.OfferLapse]: { attempts: 50 },
  [JobName.SendEmail]: { attempts: 20 },
  // Maintenance runs keep their last 50 completions, for operators (ids are unique per run, so none blocks another).
  [JobName.DailyDigest]: { attempts: 3, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } },
  [JobName.Reconcile]: { attempts: 3, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } },
};

export function optionsFor(name: JobName, extra: JobsOptions = {}): JobsOptions {
  return { ...DEFAULT_JOB_OPTIONS, ...JOB_OPTIONS[name], ...extra };
}
