// eslint-disable-next-line @nx/enforce-module-boundaries -- globalTeardown bypasses Nx's path resolver
import { dropDatabase } from '../../../../libs/api/core/src/lib/database/database-setup';
import Redis from 'ioredis';

export default async function globalTeardown(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const prefix = process.env['QUEUE_PREFIX'];
  if (url?.includes('/stint_it_')) await dropDatabase(url);
  if (prefix?.startsWith('stint-it-')) {
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://localhost:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
