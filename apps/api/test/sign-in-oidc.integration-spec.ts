import type { SignInOptions, User } from '@stint/contracts';
import { Fixtures } from './support/fixtures';
import { OidcProviderProcess, signInAtProvider } from './support/oidc-provider';
import { sql } from './support/sql';
import { call, startTestApp, TestApp } from './support/test-app';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider in its own process), driven as a
 * browser drives it: Stint's redirect, the provider's own login form, the redirect back with a code, and
 * the session cookie Stint sets. The browser test (apps/dashboard-e2e/src/sign-in-oidc.spec.ts) does the
 * same through Chromium once; here every rule gets its case.
 */

const CALLBACK = 'http://localhost:3000/api/auth/oidc/callback';

interface Landing {
  status: number;
  location: string;
  /** `stint_session=<token>` when a session was set. */
  session: string | null;
}

async function signIn(t: TestApp, login: string, returnTo = '/approvals'): Promise<Landing> {
  const start = await fetch(`${t.url}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, {
    redirect: 'manual',
  });
  expect(start.status).toBe(302);
  const attempt = start.headers.getSetCookie().find((c) => c.startsWith('stint_oidc='));
  const back = await signInAtProvider(String(start.headers.get('location')), login);
  const landing = await fetch(`${t.url}${back.pathname}${back.search}`, {
    redirect: 'manual',
    headers: { cookie: String(attempt?.split(';')[0]) },
  });
  const session = landing.headers.getSetCookie().find((c) => /^stint_session=[^;]/.test(c));
  return {
    status: landing.status,
    location: String(landing.headers.get('location')),
    session: session ? String(session.split(';')[0]) : null,
  };
}

async function me(t: TestApp, session: string | null): Promise<User> {
  const result = await call<User>(t.url, 'GET', '/api/me', { headers: { cookie: String(session) } });
  expect(result.status).toBe(200);
  return result.body;
}

describe('single sign-on through a real OIDC provider', () => {
  let provider: OidcProviderProcess;
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    provider = await OidcProviderProcess.start(CALLBACK);
    t = await startTestApp(provider.env());
    f = await Fixtures.create(t.url);
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  it('offers the provider beside passwords, and starts with state, nonce and a PKCE S256 challenge', async () => {
    const options = await call<SignInOptions>(t.url, 'GET', '/api/auth/options');
    expect(options.body).toEqual({ password: true, oidc: { name: 'Example SSO', loginUrl: '/api/auth/oidc/login' } });

    const start = await fetch(`${t.url}/api/auth/oidc/login?returnTo=/check-ins`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const target = new URL(String(start.headers.get('location')));
    expect(`${target.origin}`).toBe(provider.issuer);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/.{20,}/),
      nonce: expect.stringMatching(/.{20,}/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('stint_oidc='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
  });

  it('creates a new person just in time, as a PM, with name, email and zone from the claims; once', async () => {
    const first = await signIn(t, 'newcomer.one', '/my-rotations');
    expect(first).toMatchObject({ status: 302, location: '/my-rotations' });
    const user = await me(t, first.session);
    expect(user).toMatchObject({
      email: 'newcomer.one@example.test',
      name: 'Newcomer One',
      role: 'pm',
      timezone: 'Europe/Berlin',
      active: true,
    });
    const again = await signIn(t, 'newcomer.one');
    expect((await me(t, again.session)).id).toBe(user.id);
    const rows = await sql(`SELECT 1 FROM users WHERE email = 'newcomer.one@example.test'`);
    expect(rows).toHaveLength(1);
    const audit = await sql(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'user.created_by_sign_in'`, [
      user.id,
    ]);
    expect(audit).toHaveLength(1);
    // Someone who never had a password cannot sign in with one.
    const password = await call(t.url, 'POST', '/api/auth/login', {
      body: { email: 'newcomer.one@example.test', password: 'any password' },
    });
    expect(password.status).toBe(401);
  });

  it('matches an existing person by email, and maps the role claim (admin, manager), keeping Stint’s own rules', async () => {
    const lead = await f.manager();
    const pm = await f.user('pm', { managerId: lead.user.id });
    const matched = await signIn(t, pm.user.email);
    expect(await me(t, matched.session)).toMatchObject({ id: pm.user.id, role: 'pm' });

    expect(await me(t, (await signIn(t, 'admin.ops')).session)).toMatchObject({ role: 'admin' });
    expect(await me(t, (await signIn(t, 'lead.sales')).session)).toMatchObject({ role: 'manager' });

    // The provider now says the manager is an ordinary member; they still have a report, so Stint keeps them manager.
    const kept = await signIn(t, lead.user.email);
    expect(await me(t, kept.session)).toMatchObject({ id: lead.user.id, role: 'manager' });
  });

  it('refuses an unverified email, a deactivated account and a callback that did not start here, with a sentence', async () => {
    const unverified = await signIn(t, 'unverified.person');
    expect(unverified.session).toBeNull();
    expect(unverified.location).toMatch(/^\/login\?error=/);
    expect(decodeURIComponent(unverified.location)).toContain('is not verified');

    const gone = await f.user('manager');
    const off = await call(t.url, 'PATCH', `/api/users/${gone.user.id}`, {
      token: f.admin.token,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    const deactivated = await signIn(t, gone.user.email);
    expect(deactivated.session).toBeNull();
    expect(decodeURIComponent(deactivated.location)).toContain('deactivated');

    const stray = await fetch(`${t.url}/api/auth/oidc/callback?code=abc&state=xyz`, { redirect: 'manual' });
    expect(stray.status).toBe(302);
    expect(decodeURIComponent(String(stray.headers.get('location')))).toContain('did not start here');
  });

  it('a session from the provider follows the same rules as any other: "sign out everywhere" ends it', async () => {
    const landing = await signIn(t, 'short.stay');
    await me(t, landing.session);
    const out = await call(t.url, 'POST', '/api/auth/logout-all', {
      headers: { cookie: String(landing.session), 'x-stint-csrf': '1' },
    });
    expect(out.status).toBe(204);
    const after = await call(t.url, 'GET', '/api/me', { headers: { cookie: String(landing.session) } });
    expect(after.status).toBe(401);
  });
});

describe('password sign-in switched off', () => {
  let provider: OidcProviderProcess;
  let t: TestApp;

  beforeAll(async () => {
    provider = await OidcProviderProcess.start(CALLBACK);
    t = await startTestApp(provider.env({ PASSWORD_LOGIN: 'false' }));
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  it('refuses every password, says so, and lets the first admin in through the provider', async () => {
    expect((await call<SignInOptions>(t.url, 'GET', '/api/auth/options')).body).toMatchObject({ password: false });
    const refused = await call(t.url, 'POST', '/api/auth/login', {
      body: { email: 'admin@stint.local', password: 'admin' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Example SSO') });
    const admin = await signIn(t, 'admin.first@example.com');
    expect(await me(t, admin.session)).toMatchObject({ email: 'admin.first@example.com', role: 'admin' });
  });
});

describe('without single sign-on configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('offers passwords only, and the provider routes are 404 in the contract’s shape', async () => {
    expect((await call(t.url, 'GET', '/api/auth/options')).body).toEqual({ password: true, oidc: null });
    for (const path of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=x&state=y']) {
      const result = await call(t.url, 'GET', path);
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });
});
