import type {
  CapacityWeek,
  CheckIn,
  OutcomesReport,
  Placement,
  ProgrammePolicy,
  StatsOverview,
  TimelineWindow,
  Today,
} from '@stint/contracts';
import { Client } from 'pg';
import { addDays, q } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { ownStore } from './support/own-store';
import { sql } from './support/sql';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

/*
 * The programme-wide figures (overview, capacity, timeline, outcomes report)
 * are kept per process between writes (FiguresCache). What a user must never
 * notice: a write, through the API or straight in SQL, shows in the very next
 * read; a figure that moves with time moves when the clock does; and one
 * caller's answer is never another's.
 *
 * Admin-wide counts are only exact when nobody else writes, so this suite has
 * a database of its own (support/own-store.ts); each test uses its own weeks.
 */
describe('cached figures stay true to what was written and who asks', () => {
  const store = ownStore('figures_cache');
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp(await store.open());
    f = await Fixtures.create(t.url);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t.close();
    await store.close();
  });

  async function read<T>(actor: Actor, path: string, params: Record<string, string>): Promise<T> {
    const answer = await call<T>(t.url, 'GET', `${path}?${q(params)}`, { token: actor.token });
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  const overview = (actor: Actor, from: string, to: string) =>
    read<StatsOverview>(actor, '/api/stats/overview', { from, to });
  const capacity = (actor: Actor, from: string, to: string) =>
    read<CapacityWeek[]>(actor, '/api/stats/capacity', { from, to });
  const timeline = (actor: Actor, params: Record<string, string>) =>
    read<TimelineWindow>(actor, '/api/timeline', params);
  const outcomes = (actor: Actor, params: Record<string, string>) =>
    read<OutcomesReport>(actor, '/api/stats/outcomes', params);
  /** The team's row of the capacity map for one week, as `booked/capacity`, or undefined when the caller has no such row. */
  const load = async (actor: Actor, teamId: string, week: string) =>
    (await capacity(actor, week, week))
      .filter((w) => w.teamId === teamId)
      .map((w) => `${w.booked}/${w.capacity}`)
      .at(0);

  /** A line manager, a host with a team of two places, and a PM of the line manager's. */
  async function cast(extra: { region?: string } = {}) {
    const [lm, host] = await Promise.all([f.manager(), f.manager()]);
    const team = await f.team(host, { capacity: 2, ...extra });
    const pm = await f.pm(lm);
    return { lm, host, team, pm };
  }
  async function placementOf(pm: Actor, placementId: string | null | undefined): Promise<Placement> {
    const found = await call<Placement>(t.url, 'GET', `/api/placements/${placementId}`, { token: pm.token });
    if (found.status !== 200) throw new Error(`reading placement ${placementId}: ${found.status}`);
    return found.body;
  }
  const checkIn = (placement: Placement, kind: string): CheckIn => {
    const found = placement.checkIns.find((c) => c.kind === kind);
    if (!found) throw new Error(`no ${kind} check-in`);
    return found;
  };

  it('a request, its release, its booking and its cancellation through the API each show in the very next read', async () => {
    const { lm, host, team, pm } = await cast();
    // "Now" stands still, so each answer stays in one minute: only a write can make it change.
    controlClock(t.app, new Date());
    const week = futureMonday(10);
    const end = addDays(week, 6);
    /** What the admin and the host see of this week: the capacity row, the timeline's bars and ghosts, the pending count. */
    const seen = async (actor: Actor) => {
      const window = await timeline(actor, { from: week, to: end, teamId: team.id });
      return {
        load: await load(actor, team.id, week),
        bars: window.placements.map((p) => `${p.id} ${p.status}`),
        ghosts: window.pendingRequests.map((r) => `${r.id} ${r.status}`),
        pending: (await overview(actor, week, end)).pendingApprovals,
      };
    };
    const expectBoth = async (expected: Awaited<ReturnType<typeof seen>>) => {
      expect(await seen(f.admin)).toEqual(expected);
      expect(await seen(host)).toEqual(expected);
    };

    await expectBoth({ load: '0/2', bars: [], ghosts: [], pending: 0 });
    // Read again: the answers are now held, and must still give way to the writes below.
    await expectBoth({ load: '0/2', bars: [], ghosts: [], pending: 0 });

    const request = await f.request(pm, team.id, week, 1);
    await expectBoth({ load: '0/2', bars: [], ghosts: [`${request.id} pending_manager`], pending: 1 });

    expect((await f.approve(lm, request.id)).status).toBe(200);
    await expectBoth({ load: '0/2', bars: [], ghosts: [`${request.id} pending_host`], pending: 1 });

    const booked = await f.approve(host, request.id);
    expect(booked.status).toBe(200);
    const placementId = String(booked.body['placementId']);
    await expectBoth({ load: '1/2', bars: [`${placementId} scheduled`], ghosts: [], pending: 0 });

    const cancelled = await call(t.url, 'POST', `/api/placements/${placementId}/cancel`, {
      token: host.token,
      body: { reason: 'Team re-org.' },
    });
    expect(cancelled.status).toBe(200);
    await expectBoth({ load: '0/2', bars: [`${placementId} cancelled`], ghosts: [], pending: 0 });
  });

  it('completing the final check-in shows at once in the outcomes report and the overview’s completion rate', async () => {
    const region = `Figures ${Date.now()}`;
    const { lm, host, team, pm } = await cast({ region });
    const week = futureMonday(13);
    const end = addDays(week, 6);
    const booked = await f.booked(pm, lm, host, team.id, week, 1);
    const final = checkIn(await placementOf(pm, booked.placementId), 'final');
    // The same instant before and after the write: only the write can change the answer.
    controlClock(t.app, new Date(`${final.opensOn}T12:00:00Z`));

    const byTeam = { teamId: team.id };
    const byRegion = { region };
    for (const [actor, params] of [
      [f.admin, byTeam],
      [lm, byRegion],
      [host, byTeam],
    ] as const)
      expect(await outcomes(actor, params)).toMatchObject({ finishedRotations: 0, runningRotations: 1 });
    const before = await overview(f.admin, week, end);
    expect([0, null]).toContain(before.checkInCompletionRate);

    const done = await call(t.url, 'POST', `/api/check-ins/${final.id}/complete`, {
      token: pm.token,
      body: {
        ratings: { negotiation: 4, closing: 3, persistence: 4 },
        notes: 'Closed one myself.',
        goalOutcomes: [{ goal: 'negotiation', result: 'met' }],
      },
    });
    expect(done.status).toBe(200);

    for (const [actor, params] of [
      [f.admin, byTeam],
      [lm, byRegion],
      [host, byTeam],
    ] as const)
      expect(await outcomes(actor, params)).toMatchObject({ finishedRotations: 1, runningRotations: 0 });
    const after = await overview(f.admin, week, end);
    // One check-in done among those due; nothing became overdue in between (the clock stood still).
    expect(after.overdueCheckIns).toBe(before.overdueCheckIns);
    expect(after.checkInCompletionRate).toBe(Math.round(1000 / (1 + after.overdueCheckIns)) / 1000);
    expect(await overview(lm, week, end)).toEqual(after);
  });

  it('a write made straight in SQL (not through the API) shows in the next read too', async () => {
    const { lm, host, team, pm } = await cast();
    controlClock(t.app, new Date());
    const week = futureMonday(16);
    const end = addDays(week, 6);
    const booked = await f.booked(pm, lm, host, team.id, week, 1);
    const barOf = async () =>
      (await timeline(f.admin, { from: week, to: end })).placements
        .filter((p) => p.id === booked.placementId)
        .map((p) => p.status);

    expect(await load(f.admin, team.id, week)).toBe('1/2');
    expect(await load(host, team.id, week)).toBe('1/2');
    expect(await barOf()).toEqual(['scheduled']);
    expect(await outcomes(f.admin, { teamId: team.id })).toMatchObject({ runningRotations: 1 });
    expect((await overview(f.admin, week, end)).averageDurationWeeks).toBe(1);

    await sql(`UPDATE placements SET cancelled_at = now(), cancelled_reason = 'by hand' WHERE id = $1`, [
      booked.placementId,
    ]);
    expect(await load(f.admin, team.id, week)).toBe('0/2');
    expect(await load(host, team.id, week)).toBe('0/2');
    expect(await barOf()).toEqual(['cancelled']);
    expect(await outcomes(f.admin, { teamId: team.id })).toMatchObject({ runningRotations: 0 });
    expect((await overview(f.admin, week, end)).averageDurationWeeks).toBeNull();

    await sql(`UPDATE teams SET capacity = 5 WHERE id = $1`, [team.id]);
    expect(await load(f.admin, team.id, week)).toBe('0/5');
    expect(await load(host, team.id, week)).toBe('0/5');
  });

  it('overdueCheckIns moves when the clock passes a check-in’s overdue moment, with nothing written', async () => {
    const { lm, host, team, pm } = await cast();
    const week = futureMonday(19);
    const end = addDays(week, 6);
    const booked = await f.booked(pm, lm, host, team.id, week, 1);
    const kickoff = checkIn(await placementOf(pm, booked.placementId), 'kickoff');
    const policy = (await call<ProgrammePolicy>(t.url, 'GET', '/api/policy', { token: f.admin.token })).body;
    const overdueAt = Date.parse(kickoff.scheduledAt) + policy.overdueAfterHours * 3_600_000;
    const clock = controlClock(t.app, new Date(Date.parse(kickoff.scheduledAt) - 3_600_000));
    const overdue = async () =>
      Promise.all([f.admin, lm, host, pm].map(async (actor) => (await overview(actor, week, end)).overdueCheckIns));

    expect(await overdue()).toEqual([0, 0, 0, 0]);
    clock.set(new Date(overdueAt - 2 * 3_600_000));
    expect(await overdue()).toEqual([0, 0, 0, 0]);
    clock.set(new Date(overdueAt - 60_000));
    expect(await overdue()).toEqual([0, 0, 0, 0]);
    clock.set(new Date(overdueAt + 60_000));
    expect(await overdue()).toEqual([1, 1, 1, 1]);
    clock.set(new Date(overdueAt + 3 * 3_600_000));
    expect(await overdue()).toEqual([1, 1, 1, 1]);
    // Back before the moment (a clock corrected): not overdue again.
    clock.set(new Date(overdueAt - 60_000));
    expect(await overdue()).toEqual([0, 0, 0, 0]);
    // The clock standing still, an admin shortens the grace by an hour (this suite's own policy row): overdue at once.
    const shorter = await call(t.url, 'PUT', '/api/policy', {
      token: f.admin.token,
      body: { overdueAfterHours: policy.overdueAfterHours - 1 },
    });
    expect(shorter.status).toBe(200);
    expect(await overdue()).toEqual([1, 1, 1, 1]);
    await call(t.url, 'PUT', '/api/policy', {
      token: f.admin.token,
      body: { overdueAfterHours: policy.overdueAfterHours },
    });
    expect(await overdue()).toEqual([0, 0, 0, 0]);
  });

  it('a manager and the admin asking the same thing each get their own visibility, in either order', async () => {
    const a = await cast();
    const b = await cast();
    const pmB2 = await f.pm(b.lm);
    const week = futureMonday(22);
    const mine = String((await f.booked(a.pm, a.lm, a.host, a.team.id, week, 1)).placementId);
    const theirs = String((await f.booked(b.pm, b.lm, b.host, b.team.id, week, 1)).placementId);
    const waiting = (await f.request(pmB2, b.team.id, week, 1)).id;

    /** What one caller sees of the week (`to` differs per round so each round starts with nothing held). */
    const view = async (actor: Actor, to: string) => {
      const window = await timeline(actor, { from: week, to });
      const map = await capacity(actor, week, to);
      return {
        bars: window.placements.map((p) => p.id).sort(),
        ghosts: window.pendingRequests.map((r) => r.id),
        teams: map.filter((w) => w.teamId === a.team.id || w.teamId === b.team.id).map((w) => w.teamId),
        pending: (await overview(actor, week, to)).pendingApprovals,
        running: (await outcomes(actor, { from: week, to })).runningRotations,
      };
    };
    const asAdmin = { bars: [mine, theirs].sort(), ghosts: [waiting], teams: [], pending: 1, running: 2 };
    const asManager = { bars: [mine], ghosts: [], teams: [a.team.id], pending: 0, running: 1 };
    // Capacity lists teams by name; either order is fine, only which teams matters.
    const normalise = (v: Awaited<ReturnType<typeof view>>) => ({ ...v, teams: [...v.teams].sort() });
    const adminTeams = [a.team.id, b.team.id].sort();

    // The admin asks first, then the manager the very same questions.
    expect(normalise(await view(f.admin, addDays(week, 6)))).toEqual({ ...asAdmin, teams: adminTeams });
    expect(normalise(await view(a.lm, addDays(week, 6)))).toEqual(asManager);
    // The manager asks first, then the admin.
    expect(normalise(await view(a.lm, addDays(week, 5)))).toEqual(asManager);
    expect(normalise(await view(f.admin, addDays(week, 5)))).toEqual({ ...asAdmin, teams: adminTeams });
    // And the other side's managers see their own, not the first manager's.
    expect(normalise(await view(b.lm, addDays(week, 5)))).toMatchObject({
      bars: [theirs],
      ghosts: [waiting],
      pending: 1,
      running: 1,
    });
  });

  /*
   * The version moves when a write commits (a deferred trigger), not when its
   * statement runs: a read while the write is still open computes without it
   * and keeps that answer under the old version, so the first read after the
   * commit computes again.
   */
  it('a read while a write is still uncommitted does not keep the old figure once the write commits', async () => {
    const { lm, host, team, pm } = await cast();
    controlClock(t.app, new Date());
    const week = futureMonday(25);
    const booked = await f.booked(pm, lm, host, team.id, week, 1);
    expect(await load(f.admin, team.id, week)).toBe('1/2');

    const writer = new Client({ connectionString: String(process.env['DATABASE_URL']) });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE placements SET cancelled_at = now(), cancelled_reason = 'by hand' WHERE id = $1`, [
        booked.placementId,
      ]);
      // Not committed yet: everyone still sees the booking.
      expect(await load(f.admin, team.id, week)).toBe('1/2');
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    // Committed before this request started: it must show.
    expect(await load(f.admin, team.id, week)).toBe('0/2');
  });
  it("the home: a new request awaits its approver at once, and the admin's failed emails are counted fresh", async () => {
    const { lm, team, pm } = await cast();
    const home = (actor: Actor) => read<Today>(actor, '/api/me/today', {});
    const before = await home(lm);
    await f.request(pm, team.id, futureMonday(70));
    const after = await home(lm);
    expect(after.counts.approvalsAwaitingMe).toBe(before.counts.approvalsAwaitingMe + 1);
    expect(after.approvalsAwaitingMe.map((a) => a.pmName)).toContain(pm.user.name);

    // The admin's work lists are kept between writes; an email failing (no write to what they read) still shows.
    const first = await home(f.admin);
    expect(await home(f.admin)).toMatchObject({ counts: first.counts, failedEmails: first.failedEmails });
    await sql(
      `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key, status)
       VALUES ('digest', 'someone@test.stint', 'Your week', 'Hello', '<p>Hello</p>', $1, 'failed')`,
      [`figures-cache-failed-${Date.now()}`],
    );
    const later = await home(f.admin);
    expect(later.failedEmails).toBe((first.failedEmails ?? 0) + 1);
    expect(later.counts).toEqual(first.counts);
  });
});
