import type { Page, Placement, RotationRequest, Team, User } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { Actor, Fixtures, futureMonday, PASSWORD } from './support/fixtures';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

/*
 * Who may do what, generated from ONE table (api.md): every endpoint of the
 * sections "Auth and users", "Teams, blackouts, policy", "Slots", "Rotation
 * requests", "Placements" and GET /api/audit, called by every kind of caller.
 *
 *   2xx  allowed
 *   403  FORBIDDEN: the caller can see the thing but may not do this
 *   404  NOT_FOUND: the caller may not see it; answered exactly as for an id that does not exist
 *   401  UNAUTHORIZED: no token
 *
 * Visibility: a PM sees their own; a manager their reports' and their teams'; an admin everything.
 */

type Caller = 'owner' | 'otherPm' | 'lineManager' | 'hostManager' | 'unrelatedManager' | 'admin' | 'anonymous';
type SignedIn = Exclude<Caller, 'anonymous'>;

/** Column order of the table below. */
const CALLERS: readonly Caller[] = [
  'owner',
  'otherPm',
  'lineManager',
  'hostManager',
  'unrelatedManager',
  'admin',
  'anonymous',
];

const CALLER_LABEL: Record<Caller, string> = {
  owner: 'the PM who owns it',
  otherPm: 'another PM',
  lineManager: "the PM's line manager",
  hostManager: 'the host team manager',
  unrelatedManager: 'an unrelated manager (who has reports of their own)',
  admin: 'an admin',
  anonymous: 'no token',
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
};

/** What a cell acts on; mutating rows get a fresh one per cell so cells never depend on each other. */
type Resource = 'none' | 'pending' | 'released' | 'placement' | 'blackout';

interface Target {
  /** A Monday no other cell uses; 1-week stints, so start .. start+13 is this cell's own. */
  start: string;
  pmId: string;
  requestId: string;
  placementId: string;
  blackoutId: string;
}

interface World {
  f: Fixtures;
  actors: Record<SignedIn, Actor>;
  hostTeam: Team;
  spareTeam: Team;
  spareUser: User;
  followUpDays: number;
  nextStart(): string;
}

interface Built {
  path: string;
  body?: unknown;
}

interface Row {
  method: string;
  path: string;
  resource: Resource;
  expected: Record<Caller, number>;
  build(w: World, t: Target): Built;
}

function row(
  method: string,
  path: string,
  resource: Resource,
  statuses: string,
  build: (w: World, t: Target) => Built,
): Row {
  const parsed = statuses.trim().split(/\s+/).map(Number);
  if (parsed.length !== CALLERS.length || parsed.some((s) => !Number.isInteger(s)))
    throw new Error(`bad status list for ${method} ${path}: ${statuses}`);
  const expected = Object.fromEntries(CALLERS.map((c, i) => [c, parsed[i]])) as Record<Caller, number>;
  return { method, path, resource, expected, build };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

// prettier-ignore
const TABLE: Row[] = [
  //                                                                              owner other line host unrel admin anon
  // Auth and users
  row('POST',   '/api/auth/login',                            'none',            '200   200   200  200  200   200   200', (w) => ({ path: '/api/auth/login', body: { email: w.actors.owner.user.email, password: PASSWORD } })),
  row('GET',    '/api/me',                                    'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/me' })),
  row('GET',    '/api/users',                                 'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/users' })),
  row('POST',   '/api/users',                                 'none',            '403   403   403  403  403   201   401', (w) => ({ path: '/api/users', body: { email: `new-${randomUUID().slice(0, 8)}@test.stint`, name: 'New PM', role: 'pm', password: PASSWORD, managerId: w.actors.lineManager.user.id } })),
  row('PATCH',  '/api/users/:id',                             'none',            '403   403   403  403  403   200   401', (w) => ({ path: `/api/users/${w.spareUser.id}`, body: { name: `Renamed ${randomUUID().slice(0, 4)}` } })),

  // Teams, blackouts, policy
  row('GET',    '/api/teams',                                 'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/teams' })),
  row('GET',    '/api/teams/:id',                             'none',            '200   200   200  200  200   200   401', (w) => ({ path: `/api/teams/${w.hostTeam.id}` })),
  row('POST',   '/api/teams',                                 'none',            '403   403   403  403  403   201   401', (w) => ({ path: '/api/teams', body: { name: `Team ${randomUUID().slice(0, 8)}`, managerId: w.actors.hostManager.user.id, capacity: 1 } })),
  row('PATCH',  '/api/teams/:id',                             'none',            '403   403   403  403  403   200   401', (w) => ({ path: `/api/teams/${w.spareTeam.id}`, body: { region: `R-${randomUUID().slice(0, 4)}` } })),
  row('GET',    '/api/teams/:id/availability',                'none',            '200   200   200  200  200   200   401', (w, t) => ({ path: `/api/teams/${w.hostTeam.id}/availability?${q({ from: t.start, to: addDays(t.start, 13) })}` })),
  row('GET',    '/api/blackouts',                             'none',            '200   200   200  200  200   200   401', (w) => ({ path: `/api/blackouts?${q({ teamId: w.hostTeam.id })}` })),
  row('POST',   '/api/blackouts',                             'none',            '403   403   403  403  403   201   401', (w, t) => ({ path: '/api/blackouts', body: { teamId: w.spareTeam.id, startsOn: t.start, endsOn: addDays(t.start, 2), reason: 'RBAC matrix' } })),
  row('DELETE', '/api/blackouts/:id',                         'blackout',        '403   403   403  403  403   204   401', (_w, t) => ({ path: `/api/blackouts/${t.blackoutId}` })),
  row('GET',    '/api/policy',                                'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/policy' })),
  row('PUT',    '/api/policy',                                'none',            '403   403   403  403  403   200   401', (w) => ({ path: '/api/policy', body: { followUpDays: w.followUpDays } })),

  // Slots: pmId defaults to the caller; planning for someone else only for their line manager or an admin.
  // A PM may never name another PM: refused before the id is looked at, so nothing leaks (see the leak test below).
  row('GET',    '/api/slots',                                 'none',            '200   200   200  200  200   200   401', (w, t) => ({ path: `/api/slots?${q({ durationWeeks: '1', earliestStart: t.start, latestEnd: addDays(t.start, 60), teamId: w.hostTeam.id })}` })),
  row('GET',    '/api/slots?pmId=:owner',                     'none',            '200   403   200  404  404   200   401', (w, t) => ({ path: `/api/slots?${q({ durationWeeks: '1', earliestStart: t.start, latestEnd: addDays(t.start, 60), teamId: w.hostTeam.id, pmId: t.pmId })}` })),

  // Rotation requests
  row('GET',    '/api/rotation-requests',                     'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/rotation-requests' })),
  row('POST',   '/api/rotation-requests {pmId: owner}',       'none',            '201   403   201  404  404   201   401', (w, t) => ({ path: '/api/rotation-requests', body: { teamId: w.hostTeam.id, startDate: t.start, durationWeeks: 1, goals: ['closing'], pmId: t.pmId } })),
  row('GET',    '/api/rotation-requests/:id',                 'pending',         '200   404   200  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}` })),
  row('PATCH',  '/api/rotation-requests/:id',                 'pending',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}`, body: { goals: ['negotiation', 'closing'] } })),
  row('POST',   '/api/rotation-requests/:id/approve (pending_manager)', 'pending', '403 404   200  403  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/approve`, body: { step: 'manager', comment: 'ok' } })),
  row('POST',   '/api/rotation-requests/:id/reject (pending_manager)',  'pending', '403 404   200  403  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/reject`, body: { comment: 'not now' } })),
  row('POST',   '/api/rotation-requests/:id/approve (pending_host)',    'released', '403 404  403  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/approve`, body: { step: 'host', comment: 'welcome' } })),
  row('POST',   '/api/rotation-requests/:id/reject (pending_host)',     'released', '403 404  403  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/reject`, body: { comment: 'team is busy' } })),
  row('POST',   '/api/rotation-requests/:id/withdraw',        'pending',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/withdraw`, body: {} })),

  // Placements
  row('GET',    '/api/placements',                            'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/placements' })),
  row('GET',    '/api/placements/:id',                        'placement',       '200   404   200  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}` })),
  row('POST',   '/api/placements/:id/reschedule',             'placement',       '403   404   403  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}/reschedule`, body: { startDate: addDays(t.start, 7) } })),
  row('POST',   '/api/placements/:id/cancel',                 'placement',       '403   404   403  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}/cancel`, body: { reason: 'RBAC matrix' } })),
  row('GET',    '/api/placements.csv',                        'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/placements.csv' })),

  // Audit
  row('GET',    '/api/audit',                                 'none',            '403   403   403  403  403   200   401', () => ({ path: '/api/audit?entityType=rotation_request' })),
];

function expectErrorShape(result: CallResult, status: number, code: string): void {
  const body = result.body as Record<string, unknown>;
  expect(body).not.toBeNull();
  expect(typeof body).toBe('object');
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
  expect(body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
  expect((body['message'] as string).length).toBeGreaterThan(5);
  expect(Array.isArray(body['details'])).toBe(false);
  expect(body['details']).not.toBeNull();
}

function describeResult(result: CallResult): string {
  return `${result.status} ${typeof result.body === 'string' ? result.body.slice(0, 200) : JSON.stringify(result.body)}`;
}

const ids = (page: Page<{ id: string }>): string[] => page.items.map((i) => i.id).sort();

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the role matrix (one table: endpoint × caller → status)', () => {
  let w: World;

  beforeAll(async () => {
    const f = await Fixtures.create(t.url);
    const [lineManager, hostManager, unrelatedManager] = await Promise.all([f.manager(), f.manager(), f.manager()]);
    const [owner, otherPm, spare] = await Promise.all([f.pm(lineManager), f.pm(unrelatedManager), f.pm(lineManager)]);
    const [hostTeam, spareTeam] = await Promise.all([
      f.team(hostManager, { capacity: 200 }),
      f.team(hostManager, { capacity: 1 }),
    ]);
    const policy = await call<{ followUpDays: number }>(t.url, 'GET', '/api/policy', { token: f.admin.token });
    let week = 150;
    w = {
      f,
      actors: { owner, otherPm, lineManager, hostManager, unrelatedManager, admin: f.admin },
      hostTeam,
      spareTeam,
      spareUser: spare.user,
      followUpDays: policy.body.followUpDays,
      nextStart: () => {
        const start = futureMonday(week);
        week += 2;
        return start;
      },
    };
  });

  async function prepare(resource: Resource): Promise<Target> {
    const { f, actors, hostTeam, spareTeam } = w;
    const target: Target = {
      start: w.nextStart(),
      pmId: actors.owner.user.id,
      requestId: '',
      placementId: '',
      blackoutId: '',
    };
    switch (resource) {
      case 'pending':
        target.requestId = (await f.request(actors.owner, hostTeam.id, target.start, 1)).id;
        break;
      case 'released': {
        target.requestId = (await f.request(actors.owner, hostTeam.id, target.start, 1)).id;
        const released = await f.approve(actors.lineManager, target.requestId);
        if (released.status !== 200) throw new Error(`release failed: ${JSON.stringify(released.body)}`);
        break;
      }
      case 'placement': {
        const booked = await f.booked(
          actors.owner,
          actors.lineManager,
          actors.hostManager,
          hostTeam.id,
          target.start,
          1,
        );
        target.requestId = booked.id;
        target.placementId = booked.placementId ?? '';
        break;
      }
      case 'blackout': {
        const created = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
          token: actors.admin.token,
          body: { teamId: spareTeam.id, startsOn: target.start, endsOn: target.start, reason: 'to delete' },
        });
        if (created.status !== 201) throw new Error(`blackout failed: ${JSON.stringify(created.body)}`);
        target.blackoutId = created.body.id;
        break;
      }
    }
    return target;
  }

  const cells = TABLE.flatMap((r) => CALLERS.map((caller) => ({ r, caller, status: r.expected[caller] })));

  it.each(cells)('$r.method $r.path as $caller → $status', async ({ r, caller, status }) => {
    const target = await prepare(r.resource);
    const built = r.build(w, target);
    const token = caller === 'anonymous' ? undefined : w.actors[caller].token;
    const result = await call(t.url, r.method, built.path, { token, body: built.body });
    if (result.status !== status) {
      throw new Error(
        `${r.method} ${built.path} as ${CALLER_LABEL[caller]}: expected ${status}, got ${describeResult(result)}`,
      );
    }
    if (status >= 400) {
      expectErrorShape(result, status, CODE_BY_STATUS[status] ?? '');
    }
    if (status === 404) {
      // Never leak existence: a hidden thing is answered exactly as a thing that does not exist.
      const ghost: Target = {
        ...target,
        pmId: randomUUID(),
        requestId: randomUUID(),
        placementId: randomUUID(),
        blackoutId: randomUUID(),
      };
      const ghostBuilt = r.build(w, ghost);
      const missing = await call(t.url, r.method, ghostBuilt.path, { token, body: ghostBuilt.body });
      expect(missing.status).toBe(404);
      expectErrorShape(missing, 404, 'NOT_FOUND');
      expect((missing.body as { details: unknown }).details).toEqual((result.body as { details: unknown }).details);
    }
    if (status === 204) expect(result.body).toBeNull();
  });

  it('a PM naming another PM is refused the same way whether that PM exists or not (no existence leak)', async () => {
    const { actors, hostTeam } = w;
    const start = w.nextStart();
    for (const pmId of [actors.owner.user.id, randomUUID()]) {
      const slots = await call(
        t.url,
        'GET',
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 60), pmId })}`,
        { token: actors.otherPm.token },
      );
      expect(slots.status).toBe(403);
      expectErrorShape(slots, 403, 'FORBIDDEN');
      const request = await call(t.url, 'POST', '/api/rotation-requests', {
        token: actors.otherPm.token,
        body: { teamId: hostTeam.id, startDate: start, durationWeeks: 1, goals: ['closing'], pmId },
      });
      expect(request.status).toBe(403);
      expectErrorShape(request, 403, 'FORBIDDEN');
    }
  });

  it('a malformed id is a 404 for everyone signed in, never a 400 or 500', async () => {
    for (const path of [
      '/api/rotation-requests/not-a-uuid',
      '/api/placements/123',
      '/api/teams/%27%3B--/availability?from=2030-01-01&to=2030-01-02',
    ]) {
      const result = await call(t.url, 'GET', path, { token: w.actors.owner.token });
      expect(result.status).toBe(404);
      expectErrorShape(result, 404, 'NOT_FOUND');
    }
  });
});

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

describe('lists are filtered by visibility', () => {
  /*
   * lm1: line manager of pmA and pmB, and manager of team T3.
   * lm2: line manager of pmC.   h1 manages T1, h2 manages T2.   nobody: a manager of nothing.
   */
  let f: Fixtures;
  let a: Record<'lm1' | 'lm2' | 'h1' | 'h2' | 'nobody' | 'pmA' | 'pmB' | 'pmC', Actor>;
  let req: Record<'rA1' | 'rA2' | 'rB1' | 'rC1' | 'rC2' | 'rC3', string>;
  let pl: Record<'pA1' | 'pC1' | 'pC3', string>;
  let teams: Record<'T1' | 'T2' | 'T3', Team>;

  beforeAll(async () => {
    f = await Fixtures.create(t.url);
    const [lm1, lm2, h1, h2, nobody] = await Promise.all([
      f.manager(),
      f.manager(),
      f.manager(),
      f.manager(),
      f.manager(),
    ]);
    const [pmA, pmB, pmC] = await Promise.all([f.pm(lm1), f.pm(lm1), f.pm(lm2)]);
    a = { lm1, lm2, h1, h2, nobody, pmA, pmB, pmC };
    const [T1, T2, T3] = await Promise.all([
      f.team(h1, { capacity: 3 }),
      f.team(h2, { capacity: 3 }),
      f.team(lm1, { capacity: 3 }),
    ]);
    teams = { T1, T2, T3 };
    const rA1 = await f.booked(pmA, lm1, h1, T1.id, futureMonday(100), 1);
    const rA2 = await f.request(pmA, T2.id, futureMonday(102), 1);
    await call(t.url, 'POST', `/api/rotation-requests/${rA2.id}/withdraw`, { token: pmA.token, body: {} });
    const rB1 = await f.request(pmB, T2.id, futureMonday(100), 1);
    const rC1 = await f.booked(pmC, lm2, h1, T1.id, futureMonday(100), 1);
    const rC2 = await f.request(pmC, T2.id, futureMonday(102), 1);
    await f.approve(lm2, rC2.id);
    const rC3 = await f.booked(pmC, lm2, lm1, T3.id, futureMonday(104), 1);
    req = { rA1: rA1.id, rA2: rA2.id, rB1: rB1.id, rC1: rC1.id, rC2: rC2.id, rC3: rC3.id };
    pl = { pA1: rA1.placementId ?? '', pC1: rC1.placementId ?? '', pC3: rC3.placementId ?? '' };
  });

  const REQUESTS: Record<string, Array<'rA1' | 'rA2' | 'rB1' | 'rC1' | 'rC2' | 'rC3'>> = {
    pmA: ['rA1', 'rA2'],
    pmB: ['rB1'],
    pmC: ['rC1', 'rC2', 'rC3'],
    lm1: ['rA1', 'rA2', 'rB1', 'rC3'],
    lm2: ['rC1', 'rC2', 'rC3'],
    h1: ['rA1', 'rC1'],
    h2: ['rA2', 'rB1', 'rC2'],
    nobody: [],
  };
  const PLACEMENTS: Record<string, Array<'pA1' | 'pC1' | 'pC3'>> = {
    pmA: ['pA1'],
    pmB: [],
    pmC: ['pC1', 'pC3'],
    lm1: ['pA1', 'pC3'],
    lm2: ['pC1', 'pC3'],
    h1: ['pA1', 'pC1'],
    h2: [],
    nobody: [],
  };

  it.each(Object.keys(REQUESTS))('GET /api/rotation-requests as %s holds exactly what they may see', async (who) => {
    const result = await call<Page<RotationRequest>>(t.url, 'GET', '/api/rotation-requests?pageSize=200', {
      token: a[who as keyof typeof a].token,
    });
    expect(result.status).toBe(200);
    expect(ids(result.body)).toEqual((REQUESTS[who] ?? []).map((k) => req[k]).sort());
    expect(result.body.total).toBe(REQUESTS[who]?.length);
  });

  it.each(Object.keys(PLACEMENTS))('GET /api/placements as %s holds exactly what they may see', async (who) => {
    const result = await call<Page<Placement>>(t.url, 'GET', '/api/placements?pageSize=200', {
      token: a[who as keyof typeof a].token,
    });
    expect(result.status).toBe(200);
    expect(ids(result.body)).toEqual((PLACEMENTS[who] ?? []).map((k) => pl[k]).sort());
    expect(result.body.total).toBe(PLACEMENTS[who]?.length);
  });

  it('an admin sees all of them (per team, exactly the team’s)', async () => {
    const all = await call<Page<RotationRequest>>(t.url, 'GET', '/api/rotation-requests?pageSize=200', {
      token: f.admin.token,
    });
    expect(all.body.items.map((r) => r.id)).toEqual(expect.arrayContaining(Object.values(req)));
    const byTeam = { T1: ['rA1', 'rC1'], T2: ['rA2', 'rB1', 'rC2'], T3: ['rC3'] } as const;
    for (const [team, expected] of Object.entries(byTeam)) {
      const result = await call<Page<RotationRequest>>(
        t.url,
        'GET',
        `/api/rotation-requests?${q({ teamId: teams[team as 'T1'].id, pageSize: '200' })}`,
        { token: f.admin.token },
      );
      expect(ids(result.body)).toEqual(expected.map((k) => req[k]).sort());
    }
    const placements = await call<Page<Placement>>(t.url, 'GET', '/api/placements?pageSize=200', {
      token: f.admin.token,
    });
    expect(placements.body.items.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(pl)));
  });

  it('filters never widen visibility: ?pmId= and ?teamId= of things the caller cannot see give empty lists', async () => {
    const cases: Array<[keyof typeof a, string]> = [
      ['pmA', `/api/rotation-requests?${q({ pmId: a.pmC.user.id })}`],
      ['pmA', `/api/placements?${q({ pmId: a.pmC.user.id })}`],
      ['pmB', `/api/placements?${q({ teamId: teams.T1.id })}`],
      ['nobody', `/api/rotation-requests?${q({ teamId: teams.T2.id })}`],
      ['h2', `/api/placements?${q({ teamId: teams.T1.id })}`],
      ['lm2', `/api/rotation-requests?${q({ pmId: a.pmB.user.id })}`],
    ];
    for (const [who, path] of cases) {
      const result = await call<Page<{ id: string }>>(t.url, 'GET', path, { token: a[who].token });
      expect({ who, path, status: result.status, items: result.body.items }).toEqual({
        who,
        path,
        status: 200,
        items: [],
      });
    }
  });

  it('GET /api/users: a PM sees only themselves, a manager themselves and direct reports', async () => {
    const asPm = await call<Page<User>>(t.url, 'GET', '/api/users?pageSize=200', { token: a.pmA.token });
    expect(ids(asPm.body)).toEqual([a.pmA.user.id]);
    const asLm1 = await call<Page<User>>(t.url, 'GET', '/api/users?pageSize=200', { token: a.lm1.token });
    expect(ids(asLm1.body)).toEqual([a.lm1.user.id, a.pmA.user.id, a.pmB.user.id].sort());
    const asNobody = await call<Page<User>>(t.url, 'GET', '/api/users?pageSize=200', { token: a.nobody.token });
    expect(ids(asNobody.body)).toEqual([a.nobody.user.id]);
  });

  it('GET /api/placements.csv holds exactly the visible placements for each role', async () => {
    for (const [who, expected] of Object.entries(PLACEMENTS)) {
      const result = await call<string>(t.url, 'GET', '/api/placements.csv', { token: a[who as keyof typeof a].token });
      expect(result.status).toBe(200);
      const lines = result.body.trim().split('\n').slice(1);
      expect({ who, ids: lines.map((l) => l.split(',')[0]).sort() }).toEqual({
        who,
        ids: expected.map((k) => pl[k]).sort(),
      });
    }
  });
});
