import { dropDatabase, prepareDatabase } from '@stint/api-core';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Fixtures, futureMonday } from '../support/fixtures';
import { freePort, httpStatus, StintProcess, waitUntil } from './processes';

const HOUR = 3_600_000;

/**
 * One fault scenario's own world: its own database and queue prefix, so fault
 * files run in parallel without one file's workers taking another's jobs.
 */
export class Stage {
  readonly processes: StintProcess[] = [];

  private constructor(
    readonly databaseUrl: string,
    readonly prefix: string,
    readonly varDir: string,
  ) {}

  static async create(name: string): Promise<Stage> {
    const base = new URL(String(process.env['DATABASE_URL']));
    base.pathname = `${base.pathname}_${name}`;
    const prefix = `${process.env['QUEUE_PREFIX']}-${name}`;
    await prepareDatabase(base.toString());
    return new Stage(base.toString(), prefix, `${process.env['STINT_VAR_DIR']}-${name}`);
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return { DATABASE_URL: this.databaseUrl, QUEUE_PREFIX: this.prefix, STINT_VAR_DIR: this.varDir, ...extra };
  }

  spawn(kind: 'api' | 'worker', env: Record<string, string>): StintProcess {
    const p = new StintProcess(kind, this.env(env));
    p.start();
    this.processes.push(p);
    return p;
  }

  /** The built API on a free port; resolves once it answers. */
  async api(env: Record<string, string> = {}): Promise<{ process: StintProcess; base: string }> {
    const port = await freePort();
    const p = this.spawn('api', { PORT: String(port), ...env });
    const base = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await httpStatus(`${base}/api/health`)) === 200, 60_000, 'the API to answer');
    return { process: p, base };
  }

  async sql<T>(text: string, params: unknown[] = [], url = this.databaseUrl): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Deletes every Redis key of this stage, as FLUSHALL would for this instance. */
  async loseRedis(): Promise<number> {
    const redis = new Redis(String(process.env['REDIS_URL'] ?? 'redis://localhost:6379'));
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    return deleted;
  }

  /**
   * A booked placement (through the API, as people would make it), plus
   * `count` extra check-ins whose reminders fall due `inSeconds` from now
   * (the policy's lead is 24 h). Returns the check-in ids and their PM and host.
   */
  async remindersDueIn(
    base: string,
    count: number,
    inSeconds: number,
    weeksAhead = 30,
  ): Promise<{ checkInIds: string[]; pm: string; host: string }> {
    const f = await Fixtures.create(base);
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 3 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(weeksAhead), 1);
    const soon = Date.now() + 24 * HOUR + inSeconds * 1000;
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at)
       SELECT $1, 'weekly', $2::date, $3::timestamptz + make_interval(secs => g * 0.01) FROM generate_series(1, $4::int) AS g RETURNING id`,
      [booked.placementId, new Date(soon).toISOString().slice(0, 10), new Date(soon).toISOString(), count],
    );
    return { checkInIds: rows.map((r) => r.id), pm: pm.user.email, host: host.user.email };
  }

  async dispose(): Promise<void> {
    await Promise.allSettled(this.processes.map((p) => p.stop()));
    await this.loseRedis().catch(() => undefined);
    await dropDatabase(this.databaseUrl).catch(() => undefined);
  }
}

/** Counts per status of the notifications matching a subject prefix. */
export async function emailStatus(stage: Stage, subjectPrefix: string): Promise<Record<string, number>> {
  const rows = await stage.sql<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notifications WHERE subject LIKE $1 GROUP BY status`,
    [`${subjectPrefix}%`],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
