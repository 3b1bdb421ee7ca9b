import Redis from 'ioredis';
import { call, startTestApp, TestApp } from './support/test-app';
import { DisposableRedis } from './support/redis-server';
import { TcpProxy } from './support/tcp-proxy';

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

/**
 * A queue prefix no other suite writes a heartbeat under. The run's shared prefix holds
 * the beat of whichever suite last ran a worker, stale or fresh depending on test order.
 */
const ownPrefix = (what: string) => `health-${what}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe('GET /api/health', () => {
  it('answers ok when PostgreSQL and Redis are up, without a token (a worker not yet heard from gets its first 2 minutes)', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: ownPrefix('ok') });
    try {
      const result = await call(t.url, 'GET', '/api/health');
      expect(result.status).toBe(200);
      expect(result.body).toEqual({
        status: 'ok',
        database: 'up',
        redis: 'up',
        worker: 'up',
        workerHeartbeatAt: null,
      });
    } finally {
      await t.close();
    }
  });

  it('reads the worker heartbeat: silent for over 2 minutes is "degraded" with worker "down" (still 200), a fresh beat is "ok"', async () => {
    const prefix = ownPrefix('worker');
    const t = await startTestApp({ QUEUE_PREFIX: prefix });
    const redis = new Redis(t.config.redisUrl);
    try {
      const stale = new Date(Date.now() - 3 * 60_000).toISOString();
      await redis.set(`${prefix}:worker:heartbeat`, stale);
      const silent = await call(t.url, 'GET', '/api/health');
      expect(silent.status).toBe(200);
      expect(silent.body).toEqual({
        status: 'degraded',
        database: 'up',
        redis: 'up',
        worker: 'down',
        workerHeartbeatAt: stale,
      });

      const fresh = new Date().toISOString();
      await redis.set(`${prefix}:worker:heartbeat`, fresh);
      const alive = await call(t.url, 'GET', '/api/health');
      expect(alive.body).toEqual({ status: 'ok', database: 'up', redis: 'up', worker: 'up', workerHeartbeatAt: fresh });
    } finally {
      await redis.del(`${prefix}:worker:heartbeat`);
      redis.disconnect();
      await t.close();
    }
  });

  describe('when Redis goes away', () => {
    let redis: DisposableRedis;
    let t: TestApp;

    beforeAll(async () => {
      redis = await DisposableRedis.start();
      t = await startTestApp({ REDIS_URL: redis.url });
    });

    afterAll(async () => {
      await t.close();
      await redis.down();
    });

    it('answers 503 UNAVAILABLE naming Redis within 5 s, and recovers when it is back without a restart', async () => {
      expect((await call(t.url, 'GET', '/api/health')).status).toBe(200);

      await redis.down();
      const started = Date.now();
      const down = await call(t.url, 'GET', '/api/health');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        statusCode: 503,
        code: 'UNAVAILABLE',
        database: 'up',
        redis: 'down',
        details: { down: ['redis'] },
      });
      expect(String((down.body as { message: string }).message)).toMatch(/redis is down/);

      await redis.up();
      const back = await waitFor(
        () => call(t.url, 'GET', '/api/health'),
        (r) => r.status === 200,
        15000,
      );
      expect(back.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up', worker: 'up' });
    });
  });

  it('answers 503 naming the database while PostgreSQL is unreachable, and recovers when it is back', async () => {
    const proxy = await TcpProxy.start(5432);
    const url = new URL(process.env['DATABASE_URL'] ?? '');
    url.host = `127.0.0.1:${proxy.port}`;
    const t = await startTestApp({ DATABASE_URL: url.toString(), QUEUE_PREFIX: ownPrefix('database') });
    try {
      expect((await call(t.url, 'GET', '/api/health')).status).toBe(200);
      await proxy.down();
      const started = Date.now();
      const down = await call(t.url, 'GET', '/api/health');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        code: 'UNAVAILABLE',
        database: 'down',
        redis: 'up',
        details: { down: ['database'] },
      });
      // An endpoint that needs the database answers 503 too, not a 500 and not a hang.
      const me = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: 'admin@stint.local', password: 'admin' },
      });
      expect(me.status).toBe(503);
      expect(me.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });

      await proxy.up();
      const back = await waitFor(
        () => call(t.url, 'GET', '/api/health'),
        (r) => r.status === 200,
        15000,
      );
      expect(back.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up', worker: 'up' });
    } finally {
      await t.close();
      await proxy.down();
    }
  });
});

describe('GET /api/metrics', () => {
  it('serves Prometheus text with the HTTP latency histogram and queue depths, without a token', async () => {
    const t = await startTestApp();
    try {
      await call(t.url, 'GET', '/api/health');
      const result = await call<string>(t.url, 'GET', '/api/metrics');
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toMatch(/text\/plain/);
      expect(result.body).toMatch(/stint_http_request_duration_seconds_bucket\{.*route="\/api\/health".*\}/);
      expect(result.body).toMatch(/# TYPE stint_queue_jobs gauge/);
      expect(result.body).toMatch(/stint_notifications\{status="sent"\} \d+/);
    } finally {
      await t.close();
    }
  });
});
