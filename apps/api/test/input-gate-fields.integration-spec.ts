import type { Placement, RotationRequest, SlotSuggestion, Team } from '@stint/contracts';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { expectError, startInputGate } from './support/input-gate';
import { call, TestApp } from './support/test-app';

/* The input gate, field by field: control characters, nulls, dates, time zones, lists and objects, state. */

describe('the input gate: hostile and sloppy input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let pm: Actor;
  let team: Team;
  let request: RotationRequest;

  beforeAll(async () => {
    ({ t, f, lineManager, host, pm, team, request } = await startInputGate());
  });

  afterAll(() => t.close());

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
