import type { JobsOptions } from 'bullmq';
import { JobName } from './job-names';

const DAY_SECONDS = 24 * 3600;

/** Retention and retry policy by default: failed jobs kept a week, completed ones removed by age. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: DAY_SECONDS, count: 50_000 },
  removeOnFail: { age: 7 * DAY_SECONDS },
};

/** Per-job overrides of the defaults: the one table of job options. */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.Heartbeat]: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 10 } },
  [JobName.CheckInReminder]: {},
  [JobName.CheckInOverdue]: {},
  [JobName.ApprovalNudge]: {},
  // SMTP outages are retried for about 4 hours (2 s doubling, 8 attempts) before a notification is marked failed.
  [JobName.SendEmail]: { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  [JobName.DailyDigest]: { attempts: 3, removeOnComplete: { count: 50 } },
  [JobName.Reconcile]: { attempts: 3, removeOnComplete: { count: 50 } },
};

export function optionsFor(name: JobName, extra: JobsOptions = {}): JobsOptions {
  return { ...DEFAULT_JOB_OPTIONS, ...JOB_OPTIONS[name], ...extra };
}
