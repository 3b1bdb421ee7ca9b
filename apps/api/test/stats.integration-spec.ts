import type { CapacityWeek, Placement, StatsOverview } from '@stint/contracts';
import { Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

describe('dashboard figures', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
  });
  afterAll(() => t.close());

  it('overview and capacity answer every role, with the skill change from first to last reflection', async () => {
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const start = futureMonday(40);
    const booked = await f.booked(pm, lineManager, host, team.id, start, 2);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const [first, second] = placement.body.checkIns;
    // A reflection opens on its check-in's day, so "now" moves to each check-in in turn (which also keeps "first" and "last" apart).
    const clock = controlClock(t.app, new Date());
    try {
      for (const [checkIn, score] of [
        [first, 2],
        [second, 4],
      ] as const) {
        clock.set(new Date(checkIn?.scheduledAt ?? ''));
        const done = await call(t.url, 'POST', `/api/check-ins/${checkIn?.id}/complete`, {
          token: pm.token,
          body: { ratings: { negotiation: score, closing: score, persistence: 3 }, notes: 'Reflection.' },
        });
        expect(done.status).toBe(200);
      }
    } finally {
      jest.restoreAllMocks();
    }

    for (const actor of [f.admin, lineManager, host, pm]) {
      const overview = await call<StatsOverview>(t.url, 'GET', `/api/stats/overview?from=${start}&to=${start}`, {
        token: actor.token,
      });
      expect(overview.status).toBe(200);
      expect(overview.body).toEqual({
        pendingApprovals: expect.any(Number),
        activePlacements: expect.any(Number),
        upcomingCheckIns7d: expect.any(Number),
        overdueCheckIns: expect.any(Number),
        checkInCompletionRate: expect.anything(),
        averageDurationWeeks: expect.any(Number),
        skillChange: { negotiation: expect.any(Number), closing: expect.any(Number), persistence: expect.any(Number) },
      });
    }
    const mine = await call<StatsOverview>(t.url, 'GET', `/api/stats/overview?from=${start}&to=${start}`, {
      token: pm.token,
    });
    expect(mine.body.skillChange).toEqual({ negotiation: 2, closing: 2, persistence: 0 });
    expect(mine.body.averageDurationWeeks).toBe(2);

    const capacity = await call<CapacityWeek[]>(t.url, 'GET', `/api/stats/capacity?from=${start}&to=${start}`, {
      token: host.token,
    });
    expect(capacity.status).toBe(200);
    expect(capacity.body).toContainEqual({ teamId: team.id, weekStart: start, booked: 1, capacity: 2 });
  });

  it('a manager sees their own teams on the capacity map by default, and every active team with scope=all to plan for a report', async () => {
    const planner = await f.manager();
    const ownTeam = await f.team(planner, { capacity: 3 });
    const otherHost = await f.manager();
    const otherTeam = await f.team(otherHost, { capacity: 4 });
    const week = futureMonday(44);
    const ids = async (query: string) => {
      const answer = await call<CapacityWeek[]>(t.url, 'GET', `/api/stats/capacity?from=${week}&to=${week}${query}`, {
        token: planner.token,
      });
      expect(answer.status).toBe(200);
      return new Set(answer.body.map((w) => w.teamId));
    };
    const mine = await ids('');
    expect(mine.has(ownTeam.id)).toBe(true);
    expect(mine.has(otherTeam.id)).toBe(false);
    const all = await ids('&scope=all');
    expect(all.has(ownTeam.id)).toBe(true);
    expect(all.has(otherTeam.id)).toBe(true);
    const bad = await call<{ code: string; details: { fields: Record<string, string> } }>(
      t.url,
      'GET',
      `/api/stats/capacity?scope=everything`,
      { token: planner.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields['scope']).toBe('scope must be mine or all');
  });

  it('a pulse is the line manager’s: among their overdue check-ins, not the PM’s, and never in the PM’s skill change', async () => {
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const start = futureMonday(42);
    const booked = await f.booked(pm, lineManager, host, team.id, start, 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const at = (kind: string) => {
      const found = placement.body.checkIns.find((c) => c.kind === kind);
      if (!found) throw new Error(`no ${kind} check-in`);
      return found;
    };
    const overview = async (token: string) =>
      (await call<StatsOverview>(t.url, 'GET', `/api/stats/overview?from=${start}&to=${start}`, { token })).body;
    const clock = controlClock(t.app, new Date(at('kickoff').scheduledAt));
    try {
      const file = async (kind: string, score: number) =>
        call(t.url, 'POST', `/api/check-ins/${at(kind).id}/complete`, {
          token: pm.token,
          body: { ratings: { negotiation: score, closing: score, persistence: score }, notes: 'Reflection.' },
        });
      expect((await file('kickoff', 2)).status).toBe(200);
      clock.set(new Date(at('final').scheduledAt));
      expect((await file('final', 4)).status).toBe(200);

      // Three days after the pulse's moment: the follow-up and the pulse are both overdue.
      clock.set(new Date(Date.parse(at('pulse').scheduledAt) + 3 * 86_400_000));
      expect((await overview(pm.token)).overdueCheckIns).toBe(1);
      expect((await overview(lineManager.token)).overdueCheckIns).toBe(2);

      // The line manager's pulse rates lower than the PM did; the PM's own change stays final − kickoff.
      const pulse = await call(t.url, 'POST', `/api/check-ins/${at('pulse').id}/pulse`, {
        token: lineManager.token,
        body: { ratings: { negotiation: 3, closing: 3, persistence: 3 }, wouldSendAgain: true, comment: '' },
      });
      expect(pulse.status).toBe(200);
      expect((await overview(pm.token)).skillChange).toEqual({ negotiation: 2, closing: 2, persistence: 2 });
      expect((await overview(lineManager.token)).overdueCheckIns).toBe(1);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('refuses a capacity range over two years with a clear error', async () => {
    const result = await call(t.url, 'GET', '/api/stats/capacity?from=2027-01-01&to=2030-01-01', {
      token: f.admin.token,
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { to: expect.stringMatching(/2 years/) } },
    });
  });
});
