import { Fixtures, futureMonday } from './support/fixtures';
import { DisposableRedis } from './support/redis-server';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

describe('sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the first admin from ADMIN_EMAIL/ADMIN_PASSWORD signs in and reads itself', async () => {
    const login = await call<{ accessToken: string; user: Record<string, unknown> }>(t.url, 'POST', '/api/auth/login', {
      body: { email: 'Admin@Stint.Local', password: 'admin' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'admin@stint.local',
      name: expect.any(String),
      role: 'admin',
      managerId: null,
      timezone: 'UTC',
      locale: null,
      active: true,
    });
    const me = await call(t.url, 'GET', '/api/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(login.body.user);
  });

  it('a wrong password is a 401 that does not say which half was wrong', async () => {
    const result = await call(t.url, 'POST', '/api/auth/login', {
      body: { email: 'admin@stint.local', password: 'nope' },
    });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong email or password.' });
    const unknown = await call(t.url, 'POST', '/api/auth/login', {
      body: { email: 'ghost@stint.local', password: 'nope' },
    });
    expect(unknown.body).toEqual(result.body);
  });

  it('after 5 failures for one email from one address, that address waits (429 with Retry-After); other emails are still served', async () => {
    const email = `victim-${Date.now()}@stint.local`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } });
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    expect(limited.headers.get('retry-after')).toBe('60');
    // The admin is unaffected.
    await expect(loginAs(t.url, 'admin@stint.local', 'admin')).resolves.toEqual(expect.any(String));
  });

  it('a burst of 50 concurrent wrong passwords is cut off at the limit: 5 checked, 45 refused at once', async () => {
    const email = `burst-${Date.now()}@stint.local`;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    await expect(loginAs(t.url, 'admin@stint.local', 'admin')).resolves.toEqual(expect.any(String));
  });

  it('sign-in and requests keep working while Redis is down; the limit still holds and the email waits in the outbox', async () => {
    const redis = await DisposableRedis.start();
    const app = await startTestApp({ REDIS_URL: redis.url });
    try {
      await redis.down();
      await expect(loginAs(app.url, 'admin@stint.local', 'admin')).resolves.toEqual(expect.any(String));
      const email = `offline-${Date.now()}@stint.local`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await call(app.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })).status);
      expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
      expect(statuses[5]).toBe(429);

      // Business goes on: the request is recorded with its email in the outbox; the reconciler queues it once Redis is back.
      const f = await Fixtures.create(app.url);
      const manager = await f.manager();
      const pm = await f.pm(manager);
      const team = await f.team(manager);
      const request = await f.request(pm, team.id, futureMonday(30), 1);
      expect(request.status).toBe('pending_manager');
      const log = await call<{ items: Array<{ status: string; dedupeKey: string }> }>(
        app.url,
        'GET',
        '/api/notifications?kind=request_submitted&pageSize=200',
        { token: f.admin.token },
      );
      expect(
        log.body.items.filter((n) => n.dedupeKey.startsWith(`request_submitted:${request.id}:`)).map((n) => n.status),
      ).toEqual(['pending']);
    } finally {
      await app.close();
      await redis.down();
    }
  });
});
