// The benchmark's own PostgreSQL database and Redis key prefix: created, connected to and cleared.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { log } from './log.mjs';
import Redis from 'ioredis';

export function databaseUrl(name) {
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@localhost:5432/postgres');
  base.pathname = `/${name}`;
  return base.toString();
}

function adminUrl(url) {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function recreateDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Deletes every Redis key of a queue prefix. */
export async function clearRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl);
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) removed += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** At the end of a run: drops its database, its queue keys and its var directory, logging (not throwing) what stays. */
export async function removeRunState({ dbUrl, redisUrl, prefix, varDir }) {
  await dropDatabase(dbUrl).catch((e) => log(`could not drop ${dbUrl}: ${e.message}`));
  await clearRedisPrefix(redisUrl, prefix).catch((e) => log(`could not clear Redis prefix ${prefix}: ${e.message}`));
  rmSync(varDir, { recursive: true, force: true });
}
