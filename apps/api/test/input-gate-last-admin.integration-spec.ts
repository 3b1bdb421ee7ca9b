import { dropDatabase, prepareDatabase } from '@stint/api-core';
import type { User } from '@stint/contracts';
import { expectError } from './support/input-gate';
import { call, loginAs, startTestApp } from './support/test-app';

/* Stint always keeps an active admin, and nobody with reports becomes a PM. */

describe('admins: Stint always keeps an active admin, and nobody with reports becomes a PM', () => {
  it('the last admin cannot demote or deactivate themselves; an admin who is a line manager cannot become a PM', async () => {
    const url = new URL(String(process.env['DATABASE_URL']));
    url.pathname = `${url.pathname}_admins`;
    await prepareDatabase(url.toString());
    const t = await startTestApp({ DATABASE_URL: url.toString() });
    try {
      const token = await loginAs(t.url, 'admin@stint.local', 'admin');
      const me = (await call<User>(t.url, 'GET', '/api/me', { token })).body;
      expectError(
        await call(t.url, 'PATCH', `/api/users/${me.id}`, { token, body: { role: 'manager' } }),
        409,
        'INVALID_STATE',
      );
      const second = await call<User>(t.url, 'POST', '/api/users', {
        token,
        body: { email: 'second-admin@test.stint', name: 'Second Admin', role: 'admin', password: 'password-123' },
      });
      const report = await call<User>(t.url, 'POST', '/api/users', {
        token,
        body: {
          email: 'report@test.stint',
          name: 'Report',
          role: 'pm',
          password: 'password-123',
          managerId: second.body.id,
        },
      });
      expect(report.status).toBe(201);
      expectError(
        await call(t.url, 'PATCH', `/api/users/${second.body.id}`, { token, body: { role: 'pm', managerId: me.id } }),
        409,
        'INVALID_STATE',
      );
      // With a second admin, the first may step down.
      const stepDown = await call<User>(t.url, 'PATCH', `/api/users/${me.id}`, { token, body: { role: 'manager' } });
      expect(stepDown.status).toBe(200);
      const secondToken = await loginAs(t.url, 'second-admin@test.stint', 'password-123');
      expectError(
        await call(t.url, 'PATCH', `/api/users/${second.body.id}`, { token: secondToken, body: { active: false } }),
        409,
        'INVALID_STATE',
      );
    } finally {
      await t.close();
      await dropDatabase(url.toString());
    }
  });
});
