import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

/**
 * A Redis client that fails fast while Redis is away (no offline queue, one
 * retry) and keeps reconnecting in the background, so callers get an error
 * at once and recover without a restart when Redis returns.
 */
export function createRedisConnection(url: string, purpose: string, extra: RedisOptions = {}): Redis {
  const logger = new Logger(`Redis(${purpose})`);
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
    lazyConnect: false,
    ...extra,
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis at ${redactUrl(url)} is unreachable (${error.message}); retrying in the background.`);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.log(`Redis at ${redactUrl(url)} is back.`);
    down = false;
  });
  return client;
}

/** Hides a password in a URL before it reaches a log line or a message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export const REDIS = Symbol('REDIS');
