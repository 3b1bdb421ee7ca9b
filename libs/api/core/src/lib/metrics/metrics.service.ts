import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis-connection';

/** How long a worker's published snapshot counts: a worker gone for longer drops out of /api/metrics. */
const SNAPSHOT_TTL_SECONDS = 120;

@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);

  /** This process's own metrics: HTTP latency, queue depths, Node runtime. */
  readonly registry = new Registry();
  /**
   * What the job handlers count. Only workers fill it; each worker publishes a
   * snapshot to Redis, and /api/metrics on any API process sums them, so the
   * figures do not depend on which process Prometheus scrapes.
   */
  readonly workerRegistry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'stint_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'stint_queue_jobs',
    help: 'Jobs per queue and state, read from Redis at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly emails = new Counter({
    name: 'stint_emails_total',
    help: 'SMTP attempts by outcome: sent, retry (transient failure, tried again later), failed (permanent, or out of retry time)',
    labelNames: ['outcome'] as const,
    registers: [this.workerRegistry],
  });

  readonly jobs = new Counter({
    name: 'stint_jobs_total',
    help: 'Jobs run by the workers, by job name and outcome (completed, failed: an attempt threw)',
    labelNames: ['name', 'outcome'] as const,
    registers: [this.workerRegistry],
  });

  readonly reminderLateness = new Histogram({
    name: 'stint_reminder_lateness_seconds',
    help: 'From the moment a reminder, overdue escalation or approval nudge was due to the moment its email was recorded',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 24 * 3600],
    registers: [this.workerRegistry],
  });

  private readonly collectors: Array<() => Promise<void>> = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'stint_' });
    // /api/metrics is public: the exact Node version helps an attacker pick exploits, so it is opt-in.
    if (!config.metricsVersionInfo) this.registry.removeSingleMetric('stint_nodejs_version_info');
  }

  /** Registers work to run before each scrape (e.g. reading queue depths). */
  onScrape(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  private snapshotKey(workerId: string): string {
    return `${this.config.queuePrefix}:metrics:worker:${workerId}`;
  }

  /** Called by each worker every few seconds. */
  async publishWorkerSnapshot(workerId: string): Promise<void> {
    const snapshot = JSON.stringify(await this.workerRegistry.getMetricsAsJSON());
    await this.redis.set(this.snapshotKey(workerId), snapshot, 'EX', SNAPSHOT_TTL_SECONDS);
  }

  private async workerMetrics(): Promise<string> {
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await this.redis.scan(cursor, 'MATCH', this.snapshotKey('*'), 'COUNT', 100);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      const snapshots = keys.length
        ? (await this.redis.mget(...keys)).filter((s): s is string => !!s).map((s) => JSON.parse(s) as object)
        : [];
      if (snapshots.length) return await AggregatorRegistry.aggregate(snapshots).metrics();
    } catch (error) {
      this.logger.warn(
        `Worker metrics are not readable from Redis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // No worker has published (or Redis is away): the names still appear, at zero.
    return this.workerRegistry.metrics();
  }

  async render(): Promise<string> {
    // A collector that fails (Redis down) must not break the whole scrape.
    await Promise.allSettled(this.collectors.map((collect) => collect()));
    const [own, workers] = await Promise.all([this.registry.metrics(), this.workerMetrics()]);
    return `${own.trimEnd()}\n${workers}`;
  }
}
