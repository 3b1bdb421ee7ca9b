import { Inject, Injectable } from '@nestjs/common';
import type { DependencyState, HealthStatus } from '@stint/contracts';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis-connection';
import { withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 2000;
/** A worker that has not beaten for this long counts as down. */
export const WORKER_SILENCE_MS = 2 * 60_000;

/** Where workers write their heartbeat (the instant, ISO); health and the queue monitor read it. */
export function workerHeartbeatKey(queuePrefix: string): string {
  return `${queuePrefix}:worker:heartbeat`;
}

@Injectable()
export class HealthService {
  /** The newest beat seen, kept in memory so a Redis that lost its keys does not make a live worker look dead at once. */
  private lastBeat: Date | null = null;
  private readonly startedAt: Date;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Liveness is wall-clock time, never the business clock tests move.
    this.startedAt = new Date();
  }

  async check(): Promise<HealthStatus> {
    const [database, redis] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1'), 'PostgreSQL'),
      this.probe(() => this.pingRedis(), 'Redis'),
    ]);
    const beat = redis === 'up' ? await this.workerHeartbeat() : this.lastBeat;
    const worker = this.workerState(beat);
    const status = database === 'up' && redis === 'up' ? (worker === 'up' ? 'ok' : 'degraded') : 'unavailable';
    return { status, database, redis, worker, workerHeartbeatAt: beat ? beat.toISOString() : null };
  }

  /** The newest worker heartbeat known (Redis, or remembered), or null. */
  async workerHeartbeat(): Promise<Date | null> {
    try {
      const value = await withTimeout(
        this.redis.get(workerHeartbeatKey(this.config.queuePrefix)),
        CHECK_TIMEOUT_MS,
        'Redis',
      );
      const at = value ? new Date(value) : null;
      if (at && !Number.isNaN(at.getTime()) && (!this.lastBeat || at > this.lastBeat)) this.lastBeat = at;
    } catch {
      // Redis away: fall back to what was seen last.
    }
    return this.lastBeat;
  }

  /**
   * Up while the newest beat is under 2 minutes old. With no beat known, the
   * API gives a worker its first 2 minutes to start before calling it down.
   */
  workerState(beat: Date | null): DependencyState {
    const now = Date.now();
    if (beat) return now - beat.getTime() <= WORKER_SILENCE_MS ? 'up' : 'down';
    return now - this.startedAt.getTime() <= WORKER_SILENCE_MS ? 'up' : 'down';
  }

  /** Right after start the client may still be connecting: wait for it (bounded by the probe's timeout) rather than fail. */
  private async pingRedis(): Promise<unknown> {
    if (this.redis.status === 'connecting' || this.redis.status === 'connect' || this.redis.status === 'wait') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CHECK_TIMEOUT_MS);
        this.redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.redis.ping();
  }

  private async probe(run: () => Promise<unknown>, what: string): Promise<DependencyState> {
    try {
      await withTimeout(run(), CHECK_TIMEOUT_MS, what);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
