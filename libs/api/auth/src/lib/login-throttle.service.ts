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

  /**
   * Counts one sign-in attempt and says whether it may go ahead. Counting
   * before the password is checked means a burst of concurrent guesses is
   * cut off at the limit instead of all reaching bcrypt; a success clears
   * the count, so only failures accumulate.
   */
  async attempt(email: string): Promise<boolean> {
    return (await this.hit(email)) <= MAX_FAILURES;
  }

  private async hit(email: string): Promise<number> {
    try {
      const key = this.key(email);
      const result = await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
      return Number(result?.[0]?.[1] ?? 0);
    } catch {
      const now = Date.now();
      const id = email.toLowerCase();
      const entry = this.local.get(id);
      if (!entry || entry.resetAt < now) {
        this.local.set(id, { count: 1, resetAt: now + WINDOW_SECONDS * 1000 });
        return 1;
      }
      entry.count += 1;
      return entry.count;
    }
  }

  async clear(email: string): Promise<void> {
    this.local.delete(email.toLowerCase());
    await this.redis.del(this.key(email)).catch(() => undefined);
  }
}
