import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@stint/api-core';
import type Redis from 'ioredis';

const WINDOW_SECONDS = 60;
const MAX_FAILURES = 10;

/**
 * Counts failed logins per email in Redis (shared by every API replica).
 * While Redis is away it counts in this process instead, so the limit
 * still holds and logins keep working.
 */
@Injectable()
export class LoginThrottleService {
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string): string {
    return `${this.config.queuePrefix}:login-failures:${email.toLowerCase()}`;
  }

  async isBlocked(email: string): Promise<boolean> {
    return (await this.failures(email)) >= MAX_FAILURES;
  }

  async recordFailure(email: string): Promise<void> {
    try {
      const key = this.key(email);
      const [[, count]] = (await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec()) as [[unknown, number]];
      void count;
    } catch {
      const now = Date.now();
      const entry = this.local.get(email.toLowerCase());
      if (!entry || entry.resetAt < now) this.local.set(email.toLowerCase(), { count: 1, resetAt: now + WINDOW_SECONDS * 1000 });
      else entry.count += 1;
    }
  }

  async clear(email: string): Promise<void> {
    this.local.delete(email.toLowerCase());
    await this.redis.del(this.key(email)).catch(() => undefined);
  }

  private async failures(email: string): Promise<number> {
    try {
      return Number((await this.redis.get(this.key(email))) ?? 0);
    } catch {
      const entry = this.local.get(email.toLowerCase());
      return entry && entry.resetAt >= Date.now() ? entry.count : 0;
    }
  }
}
