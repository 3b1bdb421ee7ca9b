import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsService, withTimeout } from '@stint/api-core';
import { ConnectionOptions, Job, JobsOptions, Queue, Worker } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './job-names';
import { optionsFor } from './job-options';

export interface JobInfo {
  id?: string;
  /** Attempts made before this one. */
  attemptsMade: number;
  maxAttempts: number;
}
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: JobInfo) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** How long a call to Redis on a request's path may wait before it is given up (see bounded()). */
const REDIS_CALL_TIMEOUT_MS = 2000;

function connectionFrom(url: string, forWorker: boolean): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || 'localhost',
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis and must wait through outages; producers fail fast
    // (PostgreSQL holds the truth and the reconciler re-enqueues what was missed).
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 2000),
  };
}

/** The only code that talks to BullMQ: queues, schedulers and workers go through here. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.metrics.onScrape(() => this.collectDepths());
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: connectionFrom(this.config.redisUrl, false), prefix: this.config.queuePrefix });
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
  async addAt<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string, dueAt: Date, now: Date): Promise<void> {
    await this.add(name, payload, { jobId, delay: Math.max(0, dueAt.getTime() - now.getTime()) });
  }

  async remove(queueName: QueueName, jobId: string): Promise<void> {
    await this.bounded(this.queue(queueName).remove(jobId));
  }

  async counts(queueName: QueueName): Promise<Record<string, number>> {
    return this.bounded(this.queue(queueName).getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed', 'paused'));
  }

  /** Ids of the delayed and waiting jobs of a queue, page by page (for the reconciler's orphan sweep). */
  async *pendingJobIds(queueName: QueueName, pageSize = 1000): AsyncGenerator<{ id: string; name: string }> {
    const queue = this.queue(queueName);
    for (let start = 0; ; start += pageSize) {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized'], start, start + pageSize - 1, true);
      for (const job of jobs) if (job?.id) yield { id: job.id, name: job.name };
      if (jobs.length < pageSize) return;
    }
  }

  /** Registers (or updates) a recurring job under a stable key: safe to call at every start. */
  async upsertScheduler<N extends JobName>(key: string, name: N, every: { everyMs: number } | { pattern: string }, payload: JobPayloads[N]): Promise<void> {
    const repeat = 'everyMs' in every ? { every: every.everyMs } : { pattern: every.pattern };
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(key, repeat, { name, data: payload, opts: optionsFor(name) });
  }

  /**
   * Starts one worker per queue. Refuses to start unless every job name has
   * exactly one handler (the type enforces it; this checks at run time too).
   */
  startWorkers(handlers: JobHandlers, concurrency: Partial<Record<QueueName, number>> = {}): void {
    const missing = Object.values(JobName).filter((name) => typeof handlers[name] !== 'function');
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(
        queueName,
        async (job: Job) => {
          const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
          if (!handler) throw new Error(`No handler for job ${job.name} on queue ${queueName}`);
          await handler(job.data as JobPayloads[JobName], { id: job.id, attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 });
        },
        {
          connection: connectionFrom(this.config.redisUrl, true),
          prefix: this.config.queuePrefix,
          concurrency: concurrency[queueName] ?? 5,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(`Job ${job?.name ?? '?'} ${job?.id ?? ''} on ${queueName} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`),
      );
      worker.on('error', (error) => this.logger.warn(`Worker for ${queueName} cannot reach Redis: ${error.message}`));
      this.workers.push(worker);
    }
  }

  private async collectDepths(): Promise<void> {
    for (const name of Object.values(QueueName)) {
      const counts = await this.counts(name);
      for (const [state, count] of Object.entries(counts)) this.metrics.queueDepth.set({ queue: name, state }, count);
    }
  }

  /** Before any module shuts down (the database among them): let running jobs finish, take no new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
