import type { Page, Placement, RotationRequest, Team, User } from '@stint/contracts';
import { q } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { ids } from './support/rbac';
import { call, startTestApp, TestApp } from './support/test-app';

/*
 * Lists are filtered by visibility: a PM sees their own; a manager their reports'
 * and their teams'; an admin everything.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

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
