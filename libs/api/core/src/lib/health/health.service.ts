import { Inject, Injectable } from '@nestjs/common';
import type { DependencyState, HealthStatus } from '@stint/contracts';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../redis/redis-connection';
import { withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthStatus> {
    const [database, redis] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1'), 'PostgreSQL'),
      this.probe(() => this.pingRedis(), 'Redis'),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'unavailable', database, redis };
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
