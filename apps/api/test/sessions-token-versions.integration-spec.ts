import type { User } from '@stint/contracts';
import { Actor, Fixtures, PASSWORD } from './support/fixtures';
import { claimsOf, ENDED, sessionSetCookie, signed, startSessions } from './support/sessions';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

/* Sessions end when they should: token versions (`ver`), bumped by a password change, a deactivation, a role change
 * and "sign out everywhere"; and how long a token lives. */

describe('sessions end when they should', () => {
  let t: TestApp;
  let f: Fixtures;
  let manager: Actor;

  beforeAll(async () => {
    ({ t, f, manager } = await startSessions());
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
