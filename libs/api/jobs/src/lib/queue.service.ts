import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsService, withTimeout } from '@stint/api-core';
import { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './job-names';
import { optionsFor } from './job-options';
import type { DueJob, EnsureResult } from './job-types';
import { connectionFrom } from './redis-connection-options';

/** Job states that mean "still to run" (or running). */
const PENDING_STATES = ['delayed', 'waiting', 'prioritized', 'active', 'waiting-children', 'paused'] as const;

/** How long a call to Redis on a request's path may wait before it is given up (see bounded()). */
const REDIS_CALL_TIMEOUT_MS = 2000;
/** Up to this many jobs, ensureJobs asks for each by id; beyond, it reads the queue's ids state by state once. */
const FEW_JOBS = 500;

/**
 * The producing side of BullMQ: queues and job schedulers go through here
 * (the workers that consume them are `JobWorkers`).
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.metrics.onScrape(() => this.collectDepths());
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: connectionFrom(this.config.redisUrl, false),
        prefix: this.config.queuePrefix,
      });
      queue.on('error', (error) => this.logger.warn(`Queue ${name} cannot reach Redis: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * BullMQ waits for a connection that is down instead of failing, so every
   * call made on a request's path is bounded: with Redis away the caller gets
   * an error after a moment (PostgreSQL keeps the truth; the reconciler
   * catches up) instead of a request that never answers.
   */
  private bounded<T>(work: Promise<T>): Promise<T> {
    return withTimeout(work, REDIS_CALL_TIMEOUT_MS, 'Redis');
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    await this.bounded(this.queue(JOB_QUEUE[name]).add(name, payload, optionsFor(name, options)));
  }

  /** Adds a job due at an instant (at once if that has passed), under a deterministic id. */
  async addAt<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    jobId: string,
    dueAt: Date,
    now: Date,
  ): Promise<void> {
    await this.add(name, payload, { jobId, delay: Math.max(0, dueAt.getTime() - now.getTime()) });
  }

  /**
   * Adds several jobs, each due at its instant under its id, in one round trip to Redis per queue (addBulk):
   * a booking's cadence or an event's emails, which the answer waits for after commit. Idempotent like `addAt`.
   */
  async addAllAt(jobs: readonly DueJob[], now: Date): Promise<void> {
    const byQueue = new Map<QueueName, DueJob[]>();
    for (const job of jobs) {
      const queued = byQueue.get(JOB_QUEUE[job.name]);
      if (queued) queued.push(job);
      else byQueue.set(JOB_QUEUE[job.name], [job]);
    }
    await Promise.all(
      [...byQueue].map(([queueName, queued]) =>
        this.bounded(
          this.queue(queueName).addBulk(
            queued.map((j) => ({
              name: j.name,
              data: j.payload,
              opts: optionsFor(j.name, { jobId: j.jobId, delay: Math.max(0, j.dueAt.getTime() - now.getTime()) }),
            })),
          ),
        ),
      ),
    );
  }

  async remove(queueName: QueueName, jobId: string): Promise<void> {
    await this.bounded(this.queue(queueName).remove(jobId));
  }

  /** Ids of a queue's jobs in the given states, read state by state in pages (ids only, no payloads). */
  async jobIdsIn(queueName: QueueName, states: readonly string[], pageSize = 5000): Promise<Set<string>> {
    const queue = this.queue(queueName);
    const ids = new Set<string>();
    for (const state of states) {
      for (let start = 0; ; start += pageSize) {
        const page = await this.bounded(
          queue.getRanges([state as Parameters<Queue['getRanges']>[0][number]], start, start + pageSize - 1, true),
        );
        for (const id of page) ids.add(id);
        if (page.length < pageSize) break;
      }
    }
    return ids;
  }

  /**
   * Makes sure each job exists and will run at its due instant. A job already
   * waiting, delayed or running is left alone, except that a delayed job that
   * is already due is promoted. A missing id is added, after removing any
   * finished (completed or failed) job of that id, which BullMQ would
   * otherwise take as a duplicate and ignore. Idempotent; safe from several
   * workers at once. Its cost follows the number of jobs asked about: a few
   * are looked up by id, many by one read of the queue's ids.
   */
  async ensureJobs(queueName: QueueName, jobs: DueJob[], now: Date): Promise<EnsureResult> {
    if (!jobs.length) return { added: 0, promoted: 0 };
    if (jobs.length <= FEW_JOBS) return this.ensureFewJobs(queueName, jobs, now);
    const queue = this.queue(queueName);
    const wallStart = Date.now();
    const pending = await this.jobIdsIn(queueName, PENDING_STATES);
    const delayed = await this.jobIdsIn(queueName, ['delayed']);
    const finished = await this.jobIdsIn(queueName, ['completed', 'failed']);
    const missing = jobs.filter((j) => !pending.has(j.jobId));
    const overdue = jobs.filter((j) => delayed.has(j.jobId) && j.dueAt.getTime() <= now.getTime());
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      await Promise.all(chunk.filter((j) => finished.has(j.jobId)).map((j) => queue.remove(j.jobId)));
      // Delays count from this moment, not from when the call began: a long call must not make jobs late.
      const at = now.getTime() + (Date.now() - wallStart);
      await queue.addBulk(
        chunk.map((j) => ({
          name: j.name,
          data: j.payload,
          opts: optionsFor(j.name, { jobId: j.jobId, delay: Math.max(0, j.dueAt.getTime() - at) }),
        })),
      );
    }
    let promoted = 0;
    for (const j of overdue) {
      const job = await queue.getJob(j.jobId);
      if (!job) continue;
      try {
        await job.promote();
        promoted++;
      } catch {
        // It left the delayed set in the meantime (it is running): nothing to do.
      }
    }
    return { added: missing.length, promoted };
  }

  /** ensureJobs for a few jobs: each looked up by id (a handful of Redis calls per job, 50 at a time). */
  private async ensureFewJobs(queueName: QueueName, jobs: DueJob[], now: Date): Promise<EnsureResult> {
    const queue = this.queue(queueName);
    const wallStart = Date.now();
    let added = 0;
    let promoted = 0;
    for (let i = 0; i < jobs.length; i += 50) {
      await Promise.all(
        jobs.slice(i, i + 50).map(async (j) => {
          const job = await this.bounded(queue.getJob(j.jobId));
          const state = job ? await this.bounded(job.getState()) : 'unknown';
          if (job && state === 'delayed' && j.dueAt.getTime() <= now.getTime()) {
            try {
              await this.bounded(job.promote());
              promoted++;
            } catch {
              // It left the delayed set in the meantime (it is running): nothing to do.
            }
            return;
          }
          if (job && state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
          if (job) await this.bounded(queue.remove(j.jobId));
          const at = now.getTime() + (Date.now() - wallStart);
          await this.bounded(
            queue.add(
              j.name,
              j.payload,
              optionsFor(j.name, { jobId: j.jobId, delay: Math.max(0, j.dueAt.getTime() - at) }),
            ),
          );
          added++;
        }),
      );
    }
    return { added, promoted };
  }

  /**
   * Registers each missing job scheduler; returns the keys that were missing.
   * A scheduler lost with Redis's data comes back on the next check.
   */
  async ensureSchedulers(
    schedulers: ReadonlyArray<{
      key: string;
      name: JobName;
      every: { everyMs: number } | { pattern: string };
      payload: object;
    }>,
  ): Promise<string[]> {
    const missing: string[] = [];
    for (const s of schedulers) {
      const queue = this.queue(JOB_QUEUE[s.name]);
      const held = await queue.getJobScheduler(s.key);
      // A scheduler registered by an older version with another cadence is brought up to date, silently.
      const sameCadence =
        'everyMs' in s.every ? Number(held?.every) === s.every.everyMs : held?.pattern === s.every.pattern;
      if (held && sameCadence) continue;
      await this.upsertScheduler(s.key, s.name, s.every, s.payload as JobPayloads[typeof s.name]);
      if (!held) missing.push(s.key);
    }
    return missing;
  }

  /** The job schedulers of every queue, for the queue monitor. */
  async schedulers(): Promise<Array<{ key: string; every: string; next: string | null }>> {
    const out: Array<{ key: string; every: string; next: string | null }> = [];
    for (const name of Object.values(QueueName)) {
      const list = await this.bounded(this.queue(name).getJobSchedulers(0, 99, true));
      for (const s of list) {
        out.push({
          key: s.key,
          every: s.pattern ?? (s.every ? `${Math.round(Number(s.every) / 1000)} s` : ''),
          next: s.next ? new Date(s.next).toISOString() : null,
        });
      }
    }
    return out;
  }

  /** A page of a queue's failed jobs, newest first. */
  async failedJobs(queueName: QueueName, start: number, end: number): Promise<{ jobs: Job[]; total: number }> {
    const queue = this.queue(queueName);
    const [jobs, total] = await this.bounded(Promise.all([queue.getFailed(start, end), queue.getFailedCount()]));
    return { jobs: jobs.filter((j): j is Job => !!j), total };
  }

  /** Retries one failed job; false when there is no failed job of that id. */
  async retryFailed(queueName: QueueName, jobId: string): Promise<boolean> {
    const job = await this.bounded(this.queue(queueName).getJob(jobId));
    if (!job || !(await job.isFailed())) return false;
    try {
      await this.bounded(job.retry('failed'));
    } catch (error) {
      // Retried by someone else in the meantime (a double click): it is no longer a failed job.
      if (error instanceof Error && /not in the failed state/.test(error.message)) return false;
      throw error;
    }
    return true;
  }

  async counts(queueName: QueueName): Promise<Record<string, number>> {
    return this.bounded(
      this.queue(queueName).getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed', 'paused'),
    );
  }

  /** Ids of the delayed and waiting jobs of a queue (for the reconciler's orphan sweep). */
  async pendingJobIds(queueName: QueueName): Promise<Set<string>> {
    return this.jobIdsIn(queueName, ['delayed', 'waiting', 'prioritized']);
  }

  /** Registers (or updates) a recurring job under a stable key: safe to call at every start. */
  async upsertScheduler<N extends JobName>(
    key: string,
    name: N,
    every: { everyMs: number } | { pattern: string },
    payload: JobPayloads[N],
  ): Promise<void> {
    const repeat = 'everyMs' in every ? { every: every.everyMs } : { pattern: every.pattern };
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(key, repeat, { name, data: payload, opts: optionsFor(name) });
  }

  private async collectDepths(): Promise<void> {
    for (const name of Object.values(QueueName)) {
      const counts = await this.counts(name);
      for (const [state, count] of Object.entries(counts)) this.metrics.queueDepth.set({ queue: name, state }, count);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
