import type { ConnectionOptions } from 'bullmq';

/**
 * BullMQ's connection to the Redis at `url`. Workers block on Redis and must
 * wait through outages; producers fail fast (PostgreSQL holds the truth and
 * the reconciler re-enqueues what was missed).
 */
export function connectionFrom(url: string, forWorker: boolean): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || 'localhost',
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 2000),
  };
}
