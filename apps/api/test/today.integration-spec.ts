import type { Placement, Today } from '@stint/contracts';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

/**
 * Issue 13: GET /api/me/today, each role's home in one round trip. The API's
 * clock is moved to chosen moments around one booked rotation, and each
 * party asks what needs them.
 */
describe('GET /api/me/today', () => {
  let t: TestApp;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let pm: Actor;
  let teamId: string;
  let teamName: string;
  let placement: Placement;
  let start: string;

  const today = async (actor: Actor) => {
    const answer = await call<Today>(t.url, 'GET', '/api/me/today', { token: actor.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
    pm = await f.pm(lineManager);
    const team = await f.team(host, { capacity: 2 });
    teamId = team.id;
    teamName = team.name;
    start = futureMonday(30);
    const booked = await f.booked(pm, lineManager, host, teamId, start, 2);
    placement = (
      await call<Placement>(t.url, 'GET', `/api/placements/${(booked as { placementId?: string }).placementId}`, {
        token: pm.token,
      })
    ).body;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    expect((await call(t.url, 'GET', '/api/me/today')).status).toBe(401);
  });

  it('shows the line manager the request to release and the host the request to agree, each with its age and stage, by name', async () => {
    const other = await f.pm(lineManager);
    const waiting = await f.request(other, teamId, futureMonday(40), 1);
    const clock = controlClock(t.app, new Date(Date.now() + 3 * 86_400_000 + 3_600_000));

    const forLine = await today(lineManager);
    const mine = forLine.approvalsAwaitingMe.find((a) => a.requestId === waiting.id);
    expect(mine).toMatchObject({
      stage: 'pending_manager',
      pmName: other.user.name,
      teamName,
      startDate: waiting.startDate,
      durationWeeks: 1,
      ageDays: 3,
    });
    expect(forLine.counts.approvalsAwaitingMe).toBe(forLine.approvalsAwaitingMe.length);
    // Not the host's to decide yet.
    expect((await today(host)).approvalsAwaitingMe.some((a) => a.requestId === waiting.id)).toBe(false);

    expect((await f.approve(lineManager, waiting.id)).status).toBe(200);
    clock.set(new Date(Date.now() + 3_600_000));
    const forHost = await today(host);
    expect(forHost.approvalsAwaitingMe.find((a) => a.requestId === waiting.id)).toMatchObject({
      stage: 'pending_host',
      pmName: other.user.name,
      ageDays: 0,
    });
    expect((await today(lineManager)).approvalsAwaitingMe.some((a) => a.requestId === waiting.id)).toBe(false);
    // A PM decides nothing.
    expect((await today(other)).approvalsAwaitingMe).toEqual([]);
    expect(
      (
        await call(t.url, 'POST', `/api/rotation-requests/${waiting.id}/reject`, {
          token: host.token,
          body: { comment: 'Not this quarter.' },
        })
      ).status,
    ).toBe(200);
  });

  it('lists the kickoff as due for the PM (reflect) and the managers (follow) two days ahead, then as overdue once past the policy time', async () => {
    const kickoff = placement.checkIns.find((c) => c.kind === 'kickoff');
    if (!kickoff) throw new Error('no kickoff');
    const at = new Date(kickoff.scheduledAt).getTime();
    const clock = controlClock(t.app, new Date(at - 2 * 86_400_000));

    const forPm = await today(pm);
    expect(forPm.checkInsDue.find((c) => c.checkInId === kickoff.id)).toEqual({
      checkInId: kickoff.id,
      placementId: placement.id,
      kind: 'kickoff',
      scheduledAt: kickoff.scheduledAt,
      pmName: pm.user.name,
      teamName,
      myPart: 'reflect',
    });
    expect(forPm.overdueCheckIns.some((c) => c.placementId === placement.id)).toBe(false);
    expect((await today(host)).checkInsDue.find((c) => c.checkInId === kickoff.id)?.myPart).toBe('follow');
    expect((await today(lineManager)).checkInsDue.find((c) => c.checkInId === kickoff.id)?.myPart).toBe('follow');
    // Someone outside the rotation never sees it.
    const stranger = await f.manager();
    expect((await today(stranger)).checkInsDue).toEqual([]);

    const policy = await call<{ overdueAfterHours: number }>(t.url, 'GET', '/api/policy', { token: pm.token });
    clock.set(new Date(at + (policy.body.overdueAfterHours + 1) * 3_600_000));
    const later = await today(pm);
    expect(later.overdueCheckIns.find((c) => c.checkInId === kickoff.id)).toMatchObject({ myPart: 'reflect' });
    expect(later.checkInsDue.some((c) => c.checkInId === kickoff.id)).toBe(false);
    expect(later.counts.overdueCheckIns).toBeGreaterThanOrEqual(1);
  });

  it('gives the host the final to assess and the line manager the pulse; the PM never gets the pulse', async () => {
    const final = placement.checkIns.find((c) => c.kind === 'final');
    const pulse = placement.checkIns.find((c) => c.kind === 'pulse');
    if (!final || !pulse) throw new Error('no final or pulse');
    const clock = controlClock(t.app, new Date(new Date(final.scheduledAt).getTime() - 86_400_000));
    expect((await today(host)).checkInsDue.find((c) => c.checkInId === final.id)?.myPart).toBe('assess');
    expect((await today(pm)).checkInsDue.find((c) => c.checkInId === final.id)?.myPart).toBe('reflect');

    clock.set(new Date(new Date(pulse.scheduledAt).getTime() - 86_400_000));
    expect((await today(lineManager)).checkInsDue.find((c) => c.checkInId === pulse.id)?.myPart).toBe('pulse');
    expect((await today(host)).checkInsDue.find((c) => c.checkInId === pulse.id)?.myPart).toBe('follow');
    expect((await today(pm)).checkInsDue.some((c) => c.checkInId === pulse.id)).toBe(false);
  });

  it('lists the rotation as starting within 14 days, then as ending; the host sees the team near capacity once it is full', async () => {
    // Requested now: a start five days away would be inside the lead time. Approving later confirms it.
    const second = await f.pm(lineManager);
    const secondRequest = await f.request(second, teamId, start, 1);
    const clock = controlClock(t.app, new Date(new Date(`${start}T09:00:00Z`).getTime() - 5 * 86_400_000));
    const before = await today(pm);
    expect(before.upcomingPlacements.find((p) => p.placementId === placement.id)).toEqual({
      placementId: placement.id,
      pmName: pm.user.name,
      teamName,
      startDate: placement.startDate,
      endDate: placement.endDate,
      event: 'starts',
      on: placement.startDate,
    });
    // One of two places taken: not near capacity.
    expect((await today(host)).teamsNearCapacity.some((l) => l.teamId === teamId)).toBe(false);
    expect((await today(pm)).teamsNearCapacity).toEqual([]);

    expect((await f.approve(lineManager, secondRequest.id)).status).toBe(200);
    expect((await f.approve(host, secondRequest.id)).status).toBe(200);
    const full = await today(host);
    expect(full.teamsNearCapacity.find((l) => l.teamId === teamId)).toEqual({
      teamId,
      teamName,
      capacity: 2,
      peakBooked: 2,
      peakOn: start,
    });
    // The line manager does not manage the team.
    expect((await today(lineManager)).teamsNearCapacity.some((l) => l.teamId === teamId)).toBe(false);

    clock.set(new Date(new Date(`${placement.endDate}T09:00:00Z`).getTime() - 3 * 86_400_000));
    expect((await today(pm)).upcomingPlacements.find((p) => p.placementId === placement.id)).toMatchObject({
      event: 'ends',
      on: placement.endDate,
    });
  });

  it("gives admins the operator's figures (failed emails, the worker, people and teams nobody can act for) and everyone else null", async () => {
    const admin = f.admin;
    const first = await today(admin);
    expect(typeof first.failedEmails).toBe('number');
    expect(first.worker).toMatchObject({ status: expect.stringMatching(/^(up|down)$/) });
    expect(typeof first.usersWithoutManager).toBe('number');
    expect(typeof first.teamsWithoutManager).toBe('number');

    // A manager who leaves with a report and a team: nobody can release the one or host in the other.
    const leaving = await f.manager();
    await f.pm(leaving);
    await f.team(leaving);
    const gone = await call(t.url, 'PATCH', `/api/users/${leaving.user.id}`, {
      token: admin.token,
      body: { active: false },
    });
    expect(gone.status).toBe(200);
    const after = await today(admin);
    expect(after.usersWithoutManager).toBe((first.usersWithoutManager ?? 0) + 1);
    expect(after.teamsWithoutManager).toBe((first.teamsWithoutManager ?? 0) + 1);

    for (const actor of [pm, host]) {
      const mine = await today(actor);
      expect([mine.failedEmails, mine.worker, mine.usersWithoutManager, mine.teamsWithoutManager]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
  });
});
