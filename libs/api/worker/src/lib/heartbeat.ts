import { workerHeartbeatKey } from '@stint/api-core';
import type Redis from 'ioredis';

/** The worker's heartbeat: the last beat's instant (wall clock), read by /api/health and the queue monitor. */
export async function recordHeartbeat(redis: Redis, prefix: string, now: Date): Promise<void> {
  await redis.set(workerHeartbeatKey(prefix), now.toISOString(), 'EX', 24 * 3600);
}
