import type { Page, RotationRequest, Team, User } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { addDays } from './support/dates';
import { Actor, Fixtures, futureMonday, PASSWORD } from './support/fixtures';
import { expectErrorShape } from './support/rbac';
import { call, startTestApp, TestApp } from './support/test-app';

/* Mass assignment is impossible: fields the contract does not list are refused, for every role. */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('mass assignment is impossible', () => {
  let f: Fixtures;
  let lineManager: Actor;
  let pm: Actor;
  let other: Actor;
  let team: Team;

  beforeAll(async () => {
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    [pm, other] = await Promise.all([f.pm(lineManager), f.pm(lineManager)]);
    team = await f.team(lineManager, { capacity: 5 });
  });

  it('a PM PATCHing /api/users/:id (themselves or anyone) gets 403 and nothing changes', async () => {
    for (const [id, body] of [
      [pm.user.id, { role: 'admin' }],
      [pm.user.id, { managerId: null, active: true }],
      [other.user.id, { name: 'Hijacked' }],
    ] as const) {
      const result = await call(t.url, 'PATCH', `/api/users/${id}`, { token: pm.token, body });
      expect(result.status).toBe(403);
      expectErrorShape(result, 403, 'FORBIDDEN');
    }
    const me = await call<User>(t.url, 'GET', '/api/me', { token: pm.token });
    expect(me.body).toMatchObject({ role: 'pm', managerId: lineManager.user.id });
  });

  it('a manager cannot PATCH their own report either (admin only)', async () => {
    const result = await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, {
      token: lineManager.token,
      body: { role: 'manager' },
    });
    expect(result.status).toBe(403);
    expectErrorShape(result, 403, 'FORBIDDEN');
  });

  it('PATCH /api/users/:id with passwordHash is a 400 naming the field, even for an admin, and the password still works', async () => {
    const result = await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, {
      token: f.admin.token,
      body: { passwordHash: '$2b$10$abcdefghijklmnopqrstuuDkR1Lq3z5eZ2b6dD8K0h2z3rGJQ0m7K' },
    });
    expect(result.status).toBe(400);
    expectErrorShape(result, 400, 'VALIDATION_FAILED');
    expect(result.body).toMatchObject({
      details: { fields: { passwordHash: expect.stringMatching(/not a known field/) } },
    });
    const login = await call(t.url, 'POST', '/api/auth/login', { body: { email: pm.user.email, password: PASSWORD } });
    expect(login.status).toBe(200);
  });

  it('POST /api/users with fields the contract does not list (id, passwordHash) is a 400', async () => {
    const result = await call(t.url, 'POST', '/api/users', {
      token: f.admin.token,
      body: {
        email: `x-${randomUUID().slice(0, 8)}@test.stint`,
        name: 'X',
        role: 'pm',
        password: PASSWORD,
        managerId: lineManager.user.id,
        id: randomUUID(),
        passwordHash: 'x',
      },
    });
    expect(result.status).toBe(400);
    expectErrorShape(result, 400, 'VALIDATION_FAILED');
    expect(Object.keys((result.body as { details: { fields: Record<string, string> } }).details.fields)).toEqual(
      expect.arrayContaining(['id', 'passwordHash']),
    );
  });

  it('POST /api/rotation-requests with an unknown field like status is a 400 VALIDATION_FAILED and creates nothing', async () => {
    const start = futureMonday(140);
    for (const extra of [
      { status: 'booked' },
      { placementId: randomUUID() },
      { approvals: [] },
      { endDate: addDays(start, 6) },
    ]) {
      const result = await call(t.url, 'POST', '/api/rotation-requests', {
        token: pm.token,
        body: { teamId: team.id, startDate: start, durationWeeks: 1, goals: ['closing'], ...extra },
      });
      expect(result.status).toBe(400);
      expectErrorShape(result, 400, 'VALIDATION_FAILED');
      const field = Object.keys(extra)[0] ?? '';
      expect(result.body).toMatchObject({
        details: { fields: { [field]: expect.stringMatching(/not a known field/) } },
      });
    }
    const mine = await call<Page<RotationRequest>>(t.url, 'GET', '/api/rotation-requests', { token: pm.token });
    expect(mine.body.items).toEqual([]);
  });

  it('PATCH /api/rotation-requests/:id with status or pmId is a 400 and the request is unchanged', async () => {
    const request = await f.request(pm, team.id, futureMonday(142), 1);
    for (const body of [{ status: 'booked' }, { pmId: other.user.id }, { placementId: randomUUID() }]) {
      const result = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, { token: pm.token, body });
      expect(result.status).toBe(400);
      expectErrorShape(result, 400, 'VALIDATION_FAILED');
    }
    const after = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
    });
    expect(after.body).toMatchObject({ status: 'pending_manager', pmId: pm.user.id, placementId: null });
  });

  it('approve with a status in the body, or PATCH /api/teams/:id with an id, is a 400', async () => {
    const request = await f.request(pm, team.id, futureMonday(144), 1);
    const approve = await call(t.url, 'POST', `/api/rotation-requests/${request.id}/approve`, {
      token: lineManager.token,
      body: { status: 'booked' },
    });
    expect(approve.status).toBe(400);
    expectErrorShape(approve, 400, 'VALIDATION_FAILED');
    const patchTeam = await call(t.url, 'PATCH', `/api/teams/${team.id}`, {
      token: f.admin.token,
      body: { id: randomUUID() },
    });
    expect(patchTeam.status).toBe(400);
    expectErrorShape(patchTeam, 400, 'VALIDATION_FAILED');
    const still = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
    });
    expect(still.body.status).toBe('pending_manager');
  });
});
