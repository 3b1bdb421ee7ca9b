import { Client } from 'pg';
import Redis from 'ioredis';

/** Drops this run's database and queue keys, so runs never collide or pile up. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env['E2E_DATABASE_URL'];
  if (url && /\/stint_e2e_/.test(url)) {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  const prefix = process.env['E2E_QUEUE_PREFIX'];
  if (prefix?.startsWith('stint-e2e-')) {
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
