import { prepareDatabase, dropDatabase } from '@stint/api-core';
import type { Placement, RotationRequest, SlotSuggestion, Team, User } from '@stint/contracts';
import { connect } from 'node:net';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, CallResult, loginAs, startTestApp, TestApp } from './support/test-app';

function expectError(result: CallResult, status: number, code: string, field?: string): void {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
  if (field)
    expect((result.body as { details: { fields: Record<string, string> } }).details.fields).toHaveProperty([field]);
}

/** A raw HTTP exchange, for what fetch refuses to send (oversized or malformed headers). */
function raw(port: number, head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    socket.on('end', () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0),
        body: data.slice(data.indexOf('\r\n\r\n') + 4),
      }),
    );
    socket.on('error', reject);
  });
}

describe('the input gate: hostile and sloppy input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let pm: Actor;
  let team: Team;
  let request: RotationRequest;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
    pm = await f.pm(lineManager);
    team = await f.team(host, { capacity: 2 });
    request = await f.request(pm, team.id, futureMonday(20), 1);
  });

  afterAll(() => t.close());

  const port = () => Number(new URL(t.url).port);

  it('bodies nested deeper than 32 levels are refused on every route, login included, without slowing the API', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const login = await call(t.url, 'POST', '/api/auth/login', { rawBody: `{"email":"a@b.c","password":${deep}}` });
    expectError(login, 400, 'VALIDATION_FAILED', 'body');
    expect((login.body as { message: string }).message).toMatch(/deeper than 32/);
    const patch = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      rawBody: `{"goals":${deep}}`,
    });
    expectError(patch, 400, 'VALIDATION_FAILED');
    const started = Date.now();
    const bursts = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(t.url, 'POST', '/api/auth/login', {
          rawBody: '{"a":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001),
        }),
      ),
    );
    expect(bursts.every((r) => r.status === 400 || r.status === 413)).toBe(true);
    const health = await call(t.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4000);
    // 32 levels are still fine.
    const ok = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      body: { goals: ['closing'] },
    });
    expect(ok.status).toBe(200);
  });

  it('a body over 1 MB and a body that is not an object are refused', async () => {
    const big = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      rawBody: JSON.stringify({ motivation: 'x'.repeat(1_100_000) }),
    });
    expectError(big, 413, 'VALIDATION_FAILED');
    for (const rawBody of ['[]', '"text"', '42', 'null']) {
      const result = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, { token: pm.token, rawBody });
      expectError(result, 400, 'VALIDATION_FAILED');
    }
  });

  it('NUL and other control characters are refused in every text field, query and path; line breaks only in multi-line fields', async () => {
    const before = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
    });
    expectError(
      await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
        token: pm.token,
        body: { motivation: 'nul\u0000' },
      }),
      400,
      'VALIDATION_FAILED',
      'motivation',
    );
    expectError(
      await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
        token: pm.token,
        body: { goals: ['a\u0007b'] },
      }),
      400,
      'VALIDATION_FAILED',
      'goals[0]',
    );
    expectError(
      await call(t.url, 'POST', '/api/auth/login', { body: { email: 'admin@stint.local\u0000', password: 'admin' } }),
      400,
      'VALIDATION_FAILED',
      'email',
    );
    expectError(
      await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, { token: f.admin.token, body: { name: 'two\nlines' } }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expectError(
      await call(t.url, 'GET', `/api/users?q=${encodeURIComponent('a\u0000')}`, { token: f.admin.token }),
      400,
      'VALIDATION_FAILED',
      'q',
    );
    expectError(
      await call(t.url, 'POST', `/api/rotation-requests/${request.id}/reject`, {
        token: lineManager.token,
        body: { comment: 'no\u0000' },
      }),
      400,
      'VALIDATION_FAILED',
      'comment',
    );
    const multiLine = await call<RotationRequest>(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      body: { motivation: 'Line one.\nLine two.' },
    });
    expect(multiLine.status).toBe(200);
    expect(multiLine.body.motivation).toBe('Line one.\nLine two.');
    const after = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
    });
    expect(after.body.goals).toEqual(before.body.goals);
  });

  it('null clears an optional nullable field and is a 400 on any other', async () => {
    expectError(
      await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
        token: pm.token,
        body: { motivation: null },
      }),
      400,
      'VALIDATION_FAILED',
      'motivation',
    );
    expectError(
      await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, { token: pm.token, body: { goals: null } }),
      400,
      'VALIDATION_FAILED',
      'goals',
    );
    expectError(
      await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, { token: f.admin.token, body: { name: null } }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expectError(
      await call(t.url, 'PATCH', `/api/teams/${team.id}`, { token: f.admin.token, body: { capacity: null } }),
      400,
      'VALIDATION_FAILED',
      'capacity',
    );
    expectError(
      await call(t.url, 'POST', '/api/auth/login', { body: { email: null, password: null } }),
      400,
      'VALIDATION_FAILED',
      'email',
    );
    const withCountry = await call<Team>(t.url, 'PATCH', `/api/teams/${team.id}`, {
      token: f.admin.token,
      body: { holidayCountry: 'DE' },
    });
    expect(withCountry.body.holidayCountry).toBe('DE');
    const cleared = await call<Team>(t.url, 'PATCH', `/api/teams/${team.id}`, {
      token: f.admin.token,
      body: { holidayCountry: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.holidayCountry).toBeNull();
  });

  it('dates outside 2000-01-01 … 2100-12-31 are VALIDATION_FAILED naming the field; slots never reach past 2100', async () => {
    for (const startDate of ['9999-12-27', '0001-01-01', '1999-12-27', '2101-01-03', '2027-02-30']) {
      expectError(
        await call(t.url, 'POST', '/api/rotation-requests', {
          token: pm.token,
          body: { teamId: team.id, startDate, durationWeeks: 1, goals: ['x'] },
        }),
        400,
        'VALIDATION_FAILED',
        'startDate',
      );
    }
    expectError(
      await call(t.url, 'GET', `/api/slots?durationWeeks=2&earliestStart=2027-01-04&latestEnd=9999-12-31`, {
        token: pm.token,
      }),
      400,
      'VALIDATION_FAILED',
      'latestEnd',
    );
    const late = await call<SlotSuggestion[]>(
      t.url,
      'GET',
      `/api/slots?durationWeeks=4&earliestStart=2100-11-01&latestEnd=2100-12-31&teamId=${team.id}&limit=50`,
      { token: pm.token },
    );
    expect(late.status).toBe(200);
    expect(late.body.every((s) => s.endDate <= '2100-12-31')).toBe(true);
  });

  it('time zones must be known to PostgreSQL as well as the runtime; lists keep working', async () => {
    for (const timezone of ['AET', 'US/Pacific-New', 'Mars/Olympus', 'x'.repeat(300)]) {
      expectError(
        await call(t.url, 'PATCH', `/api/teams/${team.id}`, { token: f.admin.token, body: { timezone } }),
        400,
        'VALIDATION_FAILED',
        'timezone',
      );
      expectError(
        await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, { token: f.admin.token, body: { timezone } }),
        400,
        'VALIDATION_FAILED',
        'timezone',
      );
    }
    expect(
      (
        await call<Team>(t.url, 'PATCH', `/api/teams/${team.id}`, {
          token: f.admin.token,
          body: { timezone: 'Australia/Sydney' },
        })
      ).body.timezone,
    ).toBe('Australia/Sydney');
    expect((await call(t.url, 'GET', '/api/placements', { token: host.token })).status).toBe(200);
    expect((await call(t.url, 'GET', '/api/stats/overview', { token: host.token })).status).toBe(200);
  });

  it('lists and objects are type-checked before use: ratings [] on completing a check-in is a 400', async () => {
    const booked = await f.booked(await f.pm(lineManager), lineManager, host, team.id, futureMonday(30), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: f.admin.token,
    });
    const checkInId = placement.body.checkIns[0]?.id;
    for (const ratings of [[], 'high', 5, [1, 2, 3]]) {
      expectError(
        await call(t.url, 'POST', `/api/check-ins/${checkInId}/complete`, {
          token: f.admin.token,
          body: { ratings, notes: 'x' },
        }),
        400,
        'VALIDATION_FAILED',
        'ratings',
      );
    }
    expectError(
      await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
        token: pm.token,
        body: { goals: 'closing' },
      }),
      400,
      'VALIDATION_FAILED',
      'goals',
    );
  });

  it('HTTP-level errors come in the contract shape: oversized headers (431) and header bytes HTTP forbids (400)', async () => {
    const huge = await raw(port(), `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({
      statusCode: 431,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: {},
    });
    const bad = await raw(port(), `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await call(t.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('feedback on a cancelled check-in is 409', async () => {
    const booked = await f.booked(await f.pm(lineManager), lineManager, host, team.id, futureMonday(34), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: host.token,
    });
    await call(t.url, 'POST', `/api/placements/${booked.placementId}/cancel`, {
      token: host.token,
      body: { reason: 'Re-org' },
    });
    const feedback = await call(t.url, 'POST', `/api/check-ins/${placement.body.checkIns[0]?.id}/feedback`, {
      token: host.token,
      body: { text: 'Great work' },
    });
    expectError(feedback, 409, 'INVALID_STATE');
  });
});

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

describe('paging limits', () => {
  it('a page number beyond 100000 is a 400, never a 500', async () => {
    const t = await startTestApp();
    try {
      const token = await loginAs(t.url, 'admin@stint.local', 'admin');
      for (const path of [
        '/api/users?page=1e308',
        '/api/rotation-requests?page=100001',
        '/api/admin/queues/email/failed?page=1e20',
        '/api/audit?page=1e308',
      ]) {
        expectError(await call(t.url, 'GET', path, { token }), 400, 'VALIDATION_FAILED', 'page');
      }
    } finally {
      await t.close();
    }
  });
});
