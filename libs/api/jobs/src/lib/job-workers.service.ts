import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsService } from '@stint/api-core';
import { Job, JobsOptions, Worker } from 'bullmq';
import { JobName, JobPayloads, QueueName } from './job-names';
import { CAPPED_BACKOFF, cappedBackoffMs } from './job-options';
import type { JobHandler, JobHandlers } from './job-types';
import { connectionFrom } from './redis-connection-options';

/** The consuming side of BullMQ: one worker per queue, each job name to its one handler. Only the worker starts them. */
@Injectable()
export class JobWorkers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Starts one worker per queue. Refuses to start unless every job name has
   * exactly one handler (the type enforces it; this checks at run time too).
   */
  start(handlers: JobHandlers, concurrency: Partial<Record<QueueName, number>> = {}): void {
    const jobsRun = this.metrics.jobs;
    const missing = Object.values(JobName).filter((name) => typeof handlers[name] !== 'function');
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(
        queueName,
        async (job: Job) => {
          const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
          if (!handler) throw new Error(`No handler for job ${job.name} on queue ${queueName}`);
          await handler(job.data as JobPayloads[JobName], {
            id: job.id,
            attemptsMade: job.attemptsMade,
            maxAttempts: job.opts.attempts ?? 1,
          });
        },
        {
          connection: connectionFrom(this.config.redisUrl, true),
          prefix: this.config.queuePrefix,
          concurrency: concurrency[queueName] ?? 5,
          settings: {
            backoffStrategy: (attemptsMade: number, type?: string, _error?: Error, job?: { opts: JobsOptions }) => {
              const backoff = job?.opts.backoff;
              const delay = typeof backoff === 'object' && backoff.delay ? backoff.delay : 1000;
              return type === CAPPED_BACKOFF ? cappedBackoffMs(attemptsMade, delay) : delay;
            },
          },
        },
      );
      worker.on('completed', (job) => jobsRun.inc({ name: job.name, outcome: 'completed' }));
      worker.on('failed', (job, error) => {
        jobsRun.inc({ name: job?.name ?? 'unknown', outcome: 'failed' });
        this.logger.warn(
          `Job ${job?.name ?? '?'} ${job?.id ?? ''} on ${queueName} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`,
        );
      });
      worker.on('error', (error) => this.logger.warn(`Worker for ${queueName} cannot reach Redis: ${error.message}`));
      this.workers.push(worker);
    }
  }

  /** Before any module shuts down (the database among them): let running jobs finish, take no new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }
}
