import type { JobName, JobPayloads } from './job-names';

export interface JobInfo {
  id?: string;
  /** Attempts made before this one. */
  attemptsMade: number;
  maxAttempts: number;
}
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: JobInfo) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** A job PostgreSQL says should exist in Redis, due at an instant. */
export interface DueJob<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  jobId: string;
  dueAt: Date;
}

export interface EnsureResult {
  /** Jobs that were missing (never added, lost with Redis, or finished without effect) and were added. */
  added: number;
  /** Delayed jobs already due by PostgreSQL's clock, moved to run now. */
  promoted: number;
}
