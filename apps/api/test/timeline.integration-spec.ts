import type { TimelineWindow } from '@stint/contracts';
import { addDays, q } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

/*
 * GET /api/timeline: one answer per window with the bars, the ghosts and the
 * blackouts, each caller seeing only the rotations the visibility rule gives them.
 */
describe('GET /api/timeline', () => {
  let t: TestApp;
  let f: Fixtures;
  let hostA: Actor;
  let hostB: Actor;
  let lineA: Actor;
  let lineB: Actor;
  let teamA: string;
  let teamB: string;
  let start: string;
  let booked: string;
  let pending: string;
  let elsewhere: string;
  let outside: string;
  let blackoutA: string;
  let blackoutB: string;
  let blackoutGlobal: string;

  const timeline = (actor: Actor, params: Record<string, string>): Promise<CallResult<TimelineWindow>> =>
    call<TimelineWindow>(t.url, 'GET', `/api/timeline?${q(params)}`, { token: actor.token });
  const blackout = async (teamId: string | null, startsOn: string): Promise<string> => {
    const made = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
      token: f.admin.token,
      body: { teamId, startsOn, endsOn: addDays(startsOn, 2), reason: 'Quarter close' },
    });
    expect(made.status).toBe(201);
    return made.body.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    [hostA, hostB, lineA, lineB] = await Promise.all([f.manager(), f.manager(), f.manager(), f.manager()]);
    teamA = (await f.team(hostA, { capacity: 3 })).id;
    teamB = (await f.team(hostB, { capacity: 3 })).id;
    start = futureMonday(20);
    const [ana, ben, cleo, dev] = await Promise.all([f.pm(lineA), f.pm(lineA), f.pm(lineB), f.pm(lineA)]);
    booked = String((await f.booked(ana, lineA, hostA, teamA, start, 2)).placementId);
    pending = (await f.request(ben, teamA, addDays(start, 7), 1)).id;
    elsewhere = String((await f.booked(cleo, lineB, hostB, teamB, start, 1)).placementId);
    outside = String((await f.booked(dev, lineA, hostA, teamA, addDays(start, 70), 1)).placementId);
    [blackoutA, blackoutB, blackoutGlobal] = await Promise.all([
      blackout(teamA, addDays(start, 21)),
      blackout(teamB, addDays(start, 21)),
      blackout(null, addDays(start, 28)),
    ]);
  });
  afterAll(() => t.close());

  it('gives an admin every bar, ghost and blackout touching the window, by name, and nothing outside it', async () => {
    const answer = await timeline(f.admin, { from: start, to: addDays(start, 41) });
    expect(answer.status).toBe(200);
    const { placements, pendingRequests, blackouts, truncated } = answer.body;
    expect(placements.map((p) => p.id).sort()).toEqual(expect.arrayContaining([booked, elsewhere].sort()));
    expect(placements.map((p) => p.id)).not.toContain(outside);
    const bar = placements.find((p) => p.id === booked);
    expect(bar).toMatchObject({
      teamId: teamA,
      startDate: start,
      endDate: addDays(start, 13),
      durationWeeks: 2,
      status: 'scheduled',
      pmName: expect.stringMatching(/^pm /),
      teamName: expect.stringMatching(/^Team /),
    });
    expect(pendingRequests.find((r) => r.id === pending)).toMatchObject({
      teamId: teamA,
      status: 'pending_manager',
      startDate: addDays(start, 7),
    });
    expect(blackouts.map((b) => b.id)).toEqual(expect.arrayContaining([blackoutA, blackoutB, blackoutGlobal]));
    expect(truncated).toBe(false);
  });

  it('shows a manager only the rotations of their teams and reports; a team narrows rows and blackouts', async () => {
    const host = await timeline(hostA, { from: start, to: addDays(start, 41) });
    const ids = host.body.placements.map((p) => p.id);
    expect(ids).toContain(booked);
    expect(ids).not.toContain(elsewhere);
    expect(host.body.pendingRequests.map((r) => r.id)).toContain(pending);

    const other = await timeline(hostB, { from: start, to: addDays(start, 41), teamId: teamB });
    expect(other.body.placements.map((p) => p.id)).toEqual([elsewhere]);
    expect(other.body.pendingRequests).toEqual([]);
    const blackoutIds = other.body.blackouts.map((b) => b.id);
    expect(blackoutIds).toEqual(expect.arrayContaining([blackoutB, blackoutGlobal]));
    expect(blackoutIds).not.toContain(blackoutA);
  });

  it('refuses a bad window with a 400 naming the field, and answers 401 without a session', async () => {
    const backwards = await timeline(f.admin, { from: start, to: addDays(start, -1) });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { to: expect.any(String) } },
    });
    const tooLong = await timeline(f.admin, { from: start, to: addDays(start, 371) });
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { to: expect.any(String) } } });
    expect((await timeline(f.admin, { from: start, to: addDays(start, 370) })).status).toBe(200);
    const badTeam = await timeline(f.admin, { from: start, to: addDays(start, 7), teamId: 'team-a' });
    expect(badTeam.body).toMatchObject({ details: { fields: { teamId: expect.any(String) } } });
    const badDate = await timeline(f.admin, { from: '2027-02-30', to: addDays(start, 7) });
    expect(badDate.body).toMatchObject({ details: { fields: { from: expect.any(String) } } });
    expect((await call(t.url, 'GET', `/api/timeline?${q({ from: start, to: start })}`)).status).toBe(401);
  });
});
