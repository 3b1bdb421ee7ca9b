import { Client } from 'pg';
import Redis from 'ioredis';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import { freePort, httpStatus, startedApi, StintProcess, waitUntil } from './processes';

/*
 * Real processes, real failures. The database and queue prefix come from the
 * integration global setup (own database per run). PostgreSQL is "stopped" by
 * cutting a TCP proxy in front of it, so other users of the shared server are
 * untouched; Redis loses its data by deleting the instance's keys.
 */

const DATABASE_URL = () => String(process.env['DATABASE_URL']);
const PREFIX = () => String(process.env['QUEUE_PREFIX']);

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: DATABASE_URL() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** N pending emails recorded straight into the outbox, as a burst of business events would. */
async function recordEmails(tag: string, count: number): Promise<void> {
  await sql(
    `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key)
     SELECT 'digest', 'fault-' || g || '@test.stint', $1 || ' #' || g, 'body', '<p>body</p>', $1 || ':' || g
       FROM generate_series(1, $2::int) AS g`,
    [tag, count],
  );
}

async function statusCounts(tag: string): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1 GROUP BY status`,
    [`${tag}:%`],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('faults', () => {
  let sink: SmtpSink;
  let port: number;
  let api: StintProcess;
  const env = (): Record<string, string> => ({
    DATABASE_URL: DATABASE_URL(),
    QUEUE_PREFIX: PREFIX(),
    SMTP_URL: sink.url,
    PORT: String(port),
    STINT_VAR_DIR: String(process.env['STINT_VAR_DIR']),
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    port = await freePort();
    api = await startedApi(env());
  });

  afterAll(async () => {
    await api.stop();
    await sink.stop();
  });

  it(
    'kill -9 of one of two workers mid-batch: every email is delivered, each Message-ID once',
    async () => {
      const tag = `kill9-${Date.now()}`;
      await recordEmails(tag, 150);
      const a = new StintProcess('worker', env());
      const b = new StintProcess('worker', env());
      a.start();
      b.start();
      try {
        const mine = () => sink.messages.filter((m) => (m.subject ?? '').startsWith(`${tag} #`));
        await waitUntil(() => mine().length >= 30, 60_000, 'the first emails');
        await a.kill9();
        // The dead worker's claims expire (3 minutes) and the other worker's outbox sweep re-queues those emails.
        await waitUntil(
          async () => (await statusCounts(tag))['sent'] === 150,
          5 * 60_000,
          'all 150 emails marked sent',
        );
        const ids = new Set(mine().map((m) => m.messageId));
        expect(ids.size).toBe(150);
        // SMTP itself cannot be exactly-once: a message accepted in the instant before the kill may go out again,
        // with the same Message-ID, which mail clients collapse. Such repeats are bounded by the jobs in flight.
        expect(mine().length - ids.size).toBeLessThanOrEqual(10);
      } finally {
        await a.stop();
        await b.stop();
      }
    },
    8 * 60_000,
  );

  it('Redis loses every key of the instance and the processes restart: every pending email is still sent once', async () => {
    const tag = `flush-${Date.now()}`;
    await recordEmails(tag, 40);
    const redis = new Redis(String(process.env['REDIS_URL'] ?? 'redis://localhost:6379'));
    const keys = await redis.keys(`${PREFIX()}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await api.stop();
    api.start();
    await waitUntil(
      async () => (await httpStatus(`http://127.0.0.1:${port}/api/health`)) === 200,
      60_000,
      'the API to restart',
    );
    const worker = new StintProcess('worker', env());
    worker.start();
    try {
      await waitUntil(
        async () => (await statusCounts(tag))['sent'] === 40,
        60_000,
        'all 40 emails sent after the reconciler ran',
      );
      const mine = sink.messages.filter((m) => (m.subject ?? '').startsWith(`${tag} #`));
      expect(new Set(mine.map((m) => m.messageId)).size).toBe(40);
      expect(mine).toHaveLength(40);
    } finally {
      await worker.stop();
    }
  });

  it('PostgreSQL unreachable: the API answers 503 UNAVAILABLE at once (no hang, no 500) and recovers on its own', async () => {
    const proxy = await TcpProxy.start(Number(new URL(DATABASE_URL()).port || 5432));
    const url = new URL(DATABASE_URL());
    url.host = `127.0.0.1:${proxy.port}`;
    const proxiedPort = await freePort();
    const proxied = new StintProcess('api', { ...env(), DATABASE_URL: url.toString(), PORT: String(proxiedPort) });
    proxied.start();
    try {
      const base = `http://127.0.0.1:${proxiedPort}/api`;
      await waitUntil(async () => (await httpStatus(`${base}/health`)) === 200, 60_000, 'the proxied API');
      await proxy.down();
      const started = Date.now();
      const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ code: 'UNAVAILABLE', database: 'down' });
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@stint.local', password: 'admin' }),
        signal: AbortSignal.timeout(10_000),
      });
      expect(login.status).toBe(503);
      expect(await login.json()).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
      await proxy.up();
      await waitUntil(async () => (await httpStatus(`${base}/health`)) === 200, 30_000, 'recovery without a restart');
      const again = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@stint.local', password: 'admin' }),
      });
      expect(again.status).toBe(200);
    } finally {
      await proxied.stop();
      await proxy.down();
    }
  });
});
