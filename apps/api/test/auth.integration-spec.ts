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
      active: true,
    });
    const me = await call(t.url, 'GET', '/api/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(login.body.user);
  });

  it('a wrong password is a 401 that does not say which half was wrong', async () => {
    const result = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'admin@stint.local', password: 'nope' } });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong email or password.' });
    const unknown = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'ghost@stint.local', password: 'nope' } });
    expect(unknown.body).toEqual(result.body);
  });

  it('more than 10 failures a minute for one email are rate limited, other emails are still served', async () => {
    const email = `victim-${Date.now()}@stint.local`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } });
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // The admin is unaffected.
    await expect(loginAs(t.url, 'admin@stint.local', 'admin')).resolves.toEqual(expect.any(String));
  });

  it('a burst of 50 concurrent wrong passwords is cut off at the limit: 10 checked, 40 refused at once', async () => {
    const email = `burst-${Date.now()}@stint.local`;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call(t.url, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    await expect(loginAs(t.url, 'admin@stint.local', 'admin')).resolves.toEqual(expect.any(String));
  });
});
