import type { User } from '@stint/contracts';
import { Actor, Fixtures, PASSWORD } from './support/fixtures';
import { cookieFrom, ENDED, sessionSetCookie, startSessions } from './support/sessions';
import { call, TestApp } from './support/test-app';

/* The dashboard's session cookie: httpOnly, SameSite=Strict, and X-Stint-CSRF: 1 on unsafe methods. */

describe('sessions end when they should', () => {
  let t: TestApp;
  let f: Fixtures;
  let manager: Actor;

  beforeAll(async () => {
    ({ t, f, manager } = await startSessions());
  });
  afterAll(() => t.close());

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
});
