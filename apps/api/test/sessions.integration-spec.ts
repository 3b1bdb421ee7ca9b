import type { User } from '@stint/contracts';
import { createHmac } from 'node:crypto';
import { Actor, Fixtures, PASSWORD } from './support/fixtures';
import { call, CallResult, loginAs, startTestApp, TestApp } from './support/test-app';

/*
 * Sessions end when they should: every token carries the user's token version
 * (claim `ver`), bumped by a password change, a deactivation, a role change and
 * "sign out everywhere". The dashboard signs in with an httpOnly SameSite=Strict
 * cookie; cookie requests with unsafe methods must send X-Stint-CSRF: 1.
 */

const ENDED = { statusCode: 401, code: 'UNAUTHORIZED', message: 'Your session has ended; sign in again.', details: {} };

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function sessionSetCookie(result: CallResult): string | undefined {
  return result.headers.getSetCookie().find((c) => c.startsWith('stint_session='));
}

/** The cookie pair (`stint_session=...`) a browser would send back. */
function cookieFrom(result: CallResult): string {
  const setCookie = sessionSetCookie(result);
  if (!setCookie) throw new Error(`no session cookie in ${JSON.stringify(result.headers.getSetCookie())}`);
  return setCookie.split(';')[0] ?? '';
}

function signed(secret: string, claims: object): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
}

describe('sessions end when they should', () => {
  let t: TestApp;
  let f: Fixtures;
  let manager: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    manager = await f.manager();
  });
  afterAll(() => t.close());

  const me = (token: string) => call<User>(t.url, 'GET', '/api/me', { token });
  const patchUser = (token: string, id: string, body: Record<string, unknown>) =>
    call<User>(t.url, 'PATCH', `/api/users/${id}`, { token, body });

  async function expectEndedThenFreshLogin(oldToken: string, email: string, password: string): Promise<void> {
    const old = await me(oldToken);
    expect(old.status).toBe(401);
    expect(old.body).toEqual(ENDED);
    const fresh = await loginAs(t.url, email, password);
    expect((await me(fresh)).status).toBe(200);
  }

  it('tokens carry the token version as `ver`', async () => {
    const pm = await f.pm(manager);
    expect(claimsOf(pm.token)).toMatchObject({ sub: pm.user.id, role: 'pm', ver: 0 });
  });

  it('a password change by the user themself ends their earlier tokens; the new password signs in', async () => {
    const admin = await f.user('admin');
    const changed = await patchUser(admin.token, admin.user.id, { password: 'a-brand-new-password' });
    expect(changed.status).toBe(200);
    await expectEndedThenFreshLogin(admin.token, admin.user.email, 'a-brand-new-password');
  });

  it("an admin changing a user's password ends that user's earlier tokens", async () => {
    const pm = await f.pm(manager);
    const second = await loginAs(t.url, pm.user.email, PASSWORD);
    expect((await patchUser(f.admin.token, pm.user.id, { password: 'reset-by-admin-1' })).status).toBe(200);
    expect((await me(second)).body).toEqual(ENDED);
    await expectEndedThenFreshLogin(pm.token, pm.user.email, 'reset-by-admin-1');
    // The admin's own session is untouched.
    expect((await me(f.admin.token)).status).toBe(200);
  });

  it('a deactivated user is refused at once, and reactivation does not revive their old tokens', async () => {
    const pm = await f.pm(manager);
    expect((await patchUser(f.admin.token, pm.user.id, { active: false })).status).toBe(200);
    const whileInactive = await me(pm.token);
    expect(whileInactive.status).toBe(401);
    expect(whileInactive.body).toMatchObject({ code: 'UNAUTHORIZED' });

    expect((await patchUser(f.admin.token, pm.user.id, { active: true })).status).toBe(200);
    await expectEndedThenFreshLogin(pm.token, pm.user.email, PASSWORD);
  });

  it('a role change ends earlier tokens (their role claim is stale)', async () => {
    const promoted = await f.manager();
    expect((await patchUser(f.admin.token, promoted.user.id, { role: 'admin' })).status).toBe(200);
    await expectEndedThenFreshLogin(promoted.token, promoted.user.email, PASSWORD);
  });

  it('changes that are not about credentials or rights keep sessions alive', async () => {
    const pm = await f.pm(manager);
    expect(
      (
        await patchUser(f.admin.token, pm.user.id, {
          name: 'Renamed PM',
          timezone: 'Europe/Berlin',
          active: true,
          role: 'pm',
        })
      ).status,
    ).toBe(200);
    expect((await me(pm.token)).status).toBe(200);
  });

  it('POST /api/auth/logout-all ends every earlier token of the caller (204), and only theirs', async () => {
    const pm = await f.pm(manager);
    const other = await f.pm(manager);
    const secondDevice = await loginAs(t.url, pm.user.email, PASSWORD);
    const result = await call(t.url, 'POST', '/api/auth/logout-all', { token: pm.token });
    expect(result.status).toBe(204);
    expect(result.body).toBeNull();
    expect((await me(secondDevice)).body).toEqual(ENDED);
    expect((await me(other.token)).status).toBe(200);
    await expectEndedThenFreshLogin(pm.token, pm.user.email, PASSWORD);

    const audit = await call<{ items: Array<{ action: string; actorId: string }> }>(
      t.url,
      'GET',
      `/api/audit?entityType=user&entityId=${pm.user.id}`,
      {
        token: f.admin.token,
      },
    );
    expect(audit.body.items.map((e) => e.action)).toContain('user.sessions_ended');
  });

  it('logout-all without a token is a 401', async () => {
    const result = await call(t.url, 'POST', '/api/auth/logout-all');
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a token from before token versions (no `ver`) counts as version 0 until the first bump', async () => {
    const pm = await f.pm(manager);
    const now = Math.floor(Date.now() / 1000);
    const legacy = signed(t.config.jwtSecret, { sub: pm.user.id, role: 'pm', iat: now, exp: now + 600 });
    expect((await me(legacy)).status).toBe(200);
    expect((await call(t.url, 'POST', '/api/auth/logout-all', { token: legacy })).status).toBe(204);
    expect((await me(legacy)).body).toEqual(ENDED);
  });

  describe('the session cookie', () => {
    it('login sets an httpOnly SameSite=Strict cookie on /api, living as long as the token, and still returns the token', async () => {
      const login = await call<{ accessToken: string }>(t.url, 'POST', '/api/auth/login', {
        body: { email: manager.user.email, password: PASSWORD },
      });
      expect(login.status).toBe(200);
      expect(typeof login.body.accessToken).toBe('string');
      const setCookie = sessionSetCookie(login) ?? '';
      const attributes = setCookie.split(';').map((a) => a.trim());
      expect(attributes[0]).toBe(`stint_session=${login.body.accessToken}`);
      expect(attributes).toEqual(expect.arrayContaining(['Path=/api', 'HttpOnly', 'SameSite=Strict', 'Max-Age=43200']));
      expect(attributes).not.toContain('Secure'); // APP_URL is http here
    });

    it('a failed login sets no cookie', async () => {
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: manager.user.email, password: 'wrong-password' },
      });
      expect(login.status).toBe(401);
      expect(sessionSetCookie(login)).toBeUndefined();
    });

    it('signs GET /api/me in', async () => {
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: manager.user.email, password: PASSWORD },
      });
      const result = await call<User>(t.url, 'GET', '/api/me', {
        headers: { cookie: `theme=dark; ${cookieFrom(login)}; other=1` },
      });
      expect(result.status).toBe(200);
      expect(result.body.id).toBe(manager.user.id);
    });

    it('an unsafe method with the cookie needs X-Stint-CSRF: 1 (403 without), a bearer call does not', async () => {
      const admin = await f.user('admin');
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: admin.user.email, password: PASSWORD },
      });
      const cookie = cookieFrom(login);

      const refused = await call(t.url, 'PATCH', `/api/users/${admin.user.id}`, {
        headers: { cookie },
        body: { name: 'Cookie admin' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: expect.stringContaining('X-Stint-CSRF: 1'),
        details: {},
      });
      const wrongValue = await call(t.url, 'PATCH', `/api/users/${admin.user.id}`, {
        headers: { cookie, 'x-stint-csrf': 'yes' },
        body: { name: 'Cookie admin' },
      });
      expect(wrongValue.status).toBe(403);

      const allowed = await call<User>(t.url, 'PATCH', `/api/users/${admin.user.id}`, {
        headers: { cookie, 'x-stint-csrf': '1' },
        body: { name: 'Cookie admin' },
      });
      expect(allowed.status).toBe(200);
      expect(allowed.body.name).toBe('Cookie admin');

      const bearer = await call<User>(t.url, 'PATCH', `/api/users/${admin.user.id}`, {
        token: admin.token,
        body: { name: 'Bearer admin' },
      });
      expect(bearer.status).toBe(200);
    });

    it('a bearer header takes precedence over the cookie', async () => {
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: manager.user.email, password: PASSWORD },
      });
      const result = await call(t.url, 'GET', '/api/me', { token: 'garbage', headers: { cookie: cookieFrom(login) } });
      expect(result.status).toBe(401);
    });

    it('logout clears the cookie (204); with the cookie it needs X-Stint-CSRF too', async () => {
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: manager.user.email, password: PASSWORD },
      });
      const cookie = cookieFrom(login);

      const refused = await call(t.url, 'POST', '/api/auth/logout', { headers: { cookie } });
      expect(refused.status).toBe(403);
      expect(sessionSetCookie(refused)).toBeUndefined();

      const result = await call(t.url, 'POST', '/api/auth/logout', { headers: { cookie, 'x-stint-csrf': '1' } });
      expect(result.status).toBe(204);
      const cleared = (sessionSetCookie(result) ?? '').split(';').map((a) => a.trim());
      expect(cleared).toEqual(
        expect.arrayContaining(['stint_session=', 'Path=/api', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0']),
      );

      // Without a cookie (already signed out) it still answers 204.
      expect((await call(t.url, 'POST', '/api/auth/logout')).status).toBe(204);
    });

    it('logout-all through the cookie ends it and clears it', async () => {
      const pm = await f.pm(manager);
      const login = await call(t.url, 'POST', '/api/auth/login', {
        body: { email: pm.user.email, password: PASSWORD },
      });
      const cookie = cookieFrom(login);
      const result = await call(t.url, 'POST', '/api/auth/logout-all', { headers: { cookie, 'x-stint-csrf': '1' } });
      expect(result.status).toBe(204);
      expect(sessionSetCookie(result)).toMatch(/^stint_session=;.*Max-Age=0/);

      const after = await call(t.url, 'GET', '/api/me', { headers: { cookie } });
      expect(after.status).toBe(401);
      expect(after.body).toEqual(ENDED);
      // A cookie the API refuses is dropped, so the browser stops sending it.
      expect(sessionSetCookie(after)).toMatch(/^stint_session=;.*Max-Age=0/);
    });
  });

  it('the OpenAPI document describes logout and logout-all', async () => {
    const doc = await call<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
      t.url,
      'GET',
      '/api/docs-json',
    );
    expect(Object.keys(doc.body.paths['/api/auth/logout']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '403']),
    );
    expect(Object.keys(doc.body.paths['/api/auth/logout-all']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '401', '403']),
    );
  });
});

describe('JWT_EXPIRES_IN', () => {
  it('3600 means one hour: exp − iat = 3600, and the cookie lives as long (Secure under an https APP_URL)', async () => {
    const app = await startTestApp({ JWT_EXPIRES_IN: '3600', APP_URL: 'https://stint.example.com' });
    try {
      const login = await call<{ accessToken: string }>(app.url, 'POST', '/api/auth/login', {
        body: { email: 'admin@stint.local', password: 'admin' },
      });
      expect(login.status).toBe(200);
      const claims = claimsOf(login.body.accessToken) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(3600);
      const attributes = (sessionSetCookie(login) ?? '').split(';').map((a) => a.trim());
      expect(attributes).toEqual(
        expect.arrayContaining(['Max-Age=3600', 'Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/api']),
      );
    } finally {
      await app.close();
    }
  });
});
