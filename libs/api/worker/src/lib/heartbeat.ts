import type Redis from 'ioredis';

/** The worker's heartbeat: the last beat's instant, readable by health checks and operators. */
export async function recordHeartbeat(redis: Redis, prefix: string, now: Date): Promise<void> {
  await redis.set(`${prefix}:worker:heartbeat`, now.toISOString(), 'EX', 300);
}
