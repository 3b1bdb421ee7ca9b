import type { User } from '@stint/contracts';
import { Fixtures } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

/** Issue 13: anyone sets their own name, time zone and locale (PATCH /api/me); nothing else. */
describe('PATCH /api/me', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
  });
  afterAll(() => t.close());

  it('changes the caller’s own name, zone and locale, and /api/me shows them', async () => {
    const manager = await f.manager();
    const pm = await f.pm(manager);
    const changed = await call<User>(t.url, 'PATCH', '/api/me', {
      token: pm.token,
      body: { name: '  Ana López ', timezone: 'Europe/Madrid', locale: 'es-es' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: pm.user.id,
      name: 'Ana López',
      timezone: 'Europe/Madrid',
      locale: 'es-ES',
    });
    expect((await call<User>(t.url, 'GET', '/api/me', { token: pm.token })).body).toMatchObject({
      name: 'Ana López',
      timezone: 'Europe/Madrid',
      locale: 'es-ES',
    });
    // Back to the browser's locale; the other fields stay.
    const reset = await call<User>(t.url, 'PATCH', '/api/me', { token: pm.token, body: { locale: null } });
    expect(reset.body).toMatchObject({ name: 'Ana López', timezone: 'Europe/Madrid', locale: null });
    // The session goes on: a profile change is not a security change.
    expect((await call(t.url, 'GET', '/api/me', { token: pm.token })).status).toBe(200);
  });

  it('refuses anything else, and bad values, with a 400 naming the field, changing nothing', async () => {
    const manager = await f.manager();
    const pm = await f.pm(manager);
    for (const [body, field] of [
      [{ role: 'admin' }, 'role'],
      [{ managerId: null }, 'managerId'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ locale: 'not a locale!' }, 'locale'],
      [{ name: '' }, 'name'],
    ] as const) {
      const answer = await call<{ code: string; details: { fields?: Record<string, string> } }>(
        t.url,
        'PATCH',
        '/api/me',
        { token: pm.token, body },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(answer.body.details.fields ?? {})).toContain(field);
    }
    expect((await call<User>(t.url, 'GET', '/api/me', { token: pm.token })).body).toMatchObject({
      role: 'pm',
      managerId: manager.user.id,
      timezone: pm.user.timezone,
      name: pm.user.name,
    });
    expect((await call(t.url, 'PATCH', '/api/me', { body: { name: 'x' } })).status).toBe(401);
  });
});
