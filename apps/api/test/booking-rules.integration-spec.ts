import type {
  AuditEntry,
  AvailabilityDay,
  Page,
  Placement,
  ProgrammePolicy,
  RotationRequest,
  SlotSuggestion,
  Team,
} from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

/*
 * The booking rules of product.md, through HTTP: one `it` per rule, with the
 * contract's status and code. Every test makes its own PMs and teams, and
 * uses its own weeks (futureMonday(n), n distinct per test).
 */

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Inclusive ranges share a day. */
function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

function expectError(result: CallResult, status: number, code: string): void {
  if (result.status !== status)
    throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`);
  expect(result.body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
}

describe('booking rules through HTTP', () => {
  let t: TestApp;
  let f: Fixtures;
  /** Line manager of every PM here, and host of every team here unless a test says otherwise. */
  let lm: Actor;
  let host: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    [lm, host] = await Promise.all([f.manager(), f.manager()]);
  });
  afterAll(() => t.close());

  const get = <T>(path: string, actor: Actor): Promise<CallResult<T>> =>
    call<T>(t.url, 'GET', path, { token: actor.token });
  const post = <T = Record<string, unknown>>(path: string, actor: Actor, body: unknown = {}): Promise<CallResult<T>> =>
    call<T>(t.url, 'POST', path, { token: actor.token, body });
  const patch = <T = Record<string, unknown>>(path: string, actor: Actor, body: unknown): Promise<CallResult<T>> =>
    call<T>(t.url, 'PATCH', path, { token: actor.token, body });
  const ask = (pm: Actor, teamId: string, startDate: string, durationWeeks = 2): Promise<CallResult<RotationRequest>> =>
    post<RotationRequest>('/api/rotation-requests', pm, {
      teamId,
      startDate,
      durationWeeks,
      goals: ['negotiation'],
      motivation: 'Learn.',
    });
  const getRequest = async (id: string): Promise<RotationRequest> =>
    (await get<RotationRequest>(`/api/rotation-requests/${id}`, f.admin)).body;
  const getPlacement = async (id: string): Promise<Placement> =>
    (await get<Placement>(`/api/placements/${id}`, f.admin)).body;
  const blackout = (
    teamId: string | null,
    startsOn: string,
    endsOn: string,
  ): Promise<CallResult<{ id: string; affectedPlacements: Array<{ id: string }> }>> =>
    post('/api/blackouts', f.admin, { teamId, startsOn, endsOn, reason: `test ${randomUUID().slice(0, 4)}` });

  describe('DURATION_OUT_OF_POLICY', () => {
    it('is 422 outside the policy, and follows PUT /api/policy {maxWeeks: 4} (policy restored afterwards)', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const start = futureMonday(1);

      const tooLong = await ask(pm, team.id, start, 13);
      expectError(tooLong, 422, 'DURATION_OUT_OF_POLICY');
      expect(tooLong.body).toMatchObject({ details: { durationWeeks: 13, minWeeks: 1, maxWeeks: 12 } });

      const before = await get<ProgrammePolicy>('/api/policy', f.admin);
      try {
        const put = await call<ProgrammePolicy>(t.url, 'PUT', '/api/policy', {
          token: f.admin.token,
          body: { maxWeeks: 4 },
        });
        expect(put.status).toBe(200);
        expect(put.body).toEqual({ ...before.body, maxWeeks: 4 });

        const five = await ask(pm, team.id, start, 5);
        expectError(five, 422, 'DURATION_OUT_OF_POLICY');
        expect(five.body).toMatchObject({ details: { durationWeeks: 5, maxWeeks: 4 } });

        const four = await ask(pm, team.id, start, 4);
        expect(four.status).toBe(201);
        expect(four.body).toMatchObject({
          durationWeeks: 4,
          startDate: start,
          endDate: addDays(start, 27),
          status: 'pending_manager',
        });
      } finally {
        const restored = await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: before.body });
        expect(restored.status).toBe(200);
      }
      expect((await get<ProgrammePolicy>('/api/policy', f.admin)).body).toEqual(before.body);
    });
  });

  describe('START_IN_PAST', () => {
    it('is 422 for a start before today; today itself is fine', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const lastWeek = addDays(todayUtc(), -7);
      const past = await ask(pm, team.id, lastWeek, 1);
      expectError(past, 422, 'START_IN_PAST');
      expect(past.body).toMatchObject({ details: { startDate: lastWeek } });

      const yesterday = await ask(pm, team.id, addDays(todayUtc(), -1), 1);
      expectError(yesterday, 422, 'START_IN_PAST');

      const today = await ask(pm, team.id, todayUtc(), 1);
      expect(today.status).toBe(201);
    });
  });

  describe('TEAM_INACTIVE', () => {
    it('is 422 once the team is PATCHed active:false, on request and on approval of a request made before', async () => {
      const [pm, pm2] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 5 });
      const start = futureMonday(3);
      const earlier = await f.request(pm2, team.id, start, 1);

      const off = await patch<Team>(`/api/teams/${team.id}`, f.admin, { active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);

      expectError(await ask(pm, team.id, start, 1), 422, 'TEAM_INACTIVE');
      expectError((await f.approve(lm, earlier.id)) as CallResult, 422, 'TEAM_INACTIVE');
      expect((await getRequest(earlier.id)).status).toBe('pending_manager');

      expect((await patch(`/api/teams/${team.id}`, f.admin, { active: true })).status).toBe(200);
      expect((await ask(pm, team.id, start, 1)).status).toBe(201);
    });
  });

  describe('BLACKOUT', () => {
    it("is 422 for a day in the team's own blackout, and only that team's", async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(5);
      const created = await blackout(team.id, addDays(start, 9), addDays(start, 9));
      expect(created.status).toBe(201);

      const hit = await ask(pm, team.id, start, 2);
      expectError(hit, 422, 'BLACKOUT');
      expect(hit.body).toMatchObject({
        details: { blackouts: [expect.objectContaining({ startsOn: addDays(start, 9), endsOn: addDays(start, 9) })] },
      });
      // Starting the day after the blackout: fine.
      expect((await ask(pm, team.id, addDays(start, 10), 1)).status).toBe(201);
      // Another team is not affected by this team's blackout.
      expect((await ask(pm, otherTeam.id, start, 1)).status).toBe(201);
    });

    it('is 422 in every team for a global blackout (teamId null); deleting it lifts the block', async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(7);
      const global = await blackout(null, addDays(start, 3), addDays(start, 4));
      expect(global.status).toBe(201);
      expect(global.body).toMatchObject({ teamId: null });
      try {
        expectError(await ask(pm, team.id, start, 1), 422, 'BLACKOUT');
        expectError(await ask(pm, otherTeam.id, start, 1), 422, 'BLACKOUT');
        const listed = await get<Page<{ id: string }>>(`/api/blackouts?${q({ teamId: team.id, pageSize: '200' })}`, pm);
        expect(listed.body.items.map((b) => b.id)).toContain(global.body.id);
      } finally {
        const deleted = await call(t.url, 'DELETE', `/api/blackouts/${global.body.id}`, { token: f.admin.token });
        expect(deleted.status).toBe(204);
      }
      expect((await ask(pm, team.id, start, 1)).status).toBe(201);
    });

    it('POST /api/blackouts over a booked placement reports it in affectedPlacements and never cancels it', async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(9);
      const booked = await f.booked(pm, lm, host, team.id, start, 2);
      const placementId = booked.placementId ?? '';

      const elsewhere = await blackout(otherTeam.id, start, addDays(start, 13));
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.affectedPlacements).toEqual([]);

      const created = await blackout(team.id, addDays(start, 7), addDays(start, 8));
      expect(created.status).toBe(201);
      expect(created.body.affectedPlacements).toEqual([
        { id: placementId, pmId: pm.user.id, teamId: team.id, startDate: start, endDate: addDays(start, 13) },
      ]);

      const placement = await getPlacement(placementId);
      expect(placement).toMatchObject({ status: 'scheduled', cancelledReason: null, startDate: start });
      expect((await getRequest(booked.id)).status).toBe('booked');
    });
  });

  describe('PM_OVERLAP', () => {
    it('is 409 for a second request sharing a day with a pending one (any team); the next day is fine', async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(11);
      expect((await ask(pm, team.id, start, 2)).status).toBe(201);
      expectError(await ask(pm, team.id, addDays(start, 13), 1), 409, 'PM_OVERLAP');
      expectError(await ask(pm, otherTeam.id, addDays(start, -6), 1), 409, 'PM_OVERLAP');
      expect((await ask(pm, otherTeam.id, addDays(start, 14), 1)).status).toBe(201);
    });

    it('is 409 for a request sharing a day with a booked placement', async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(14);
      await f.booked(pm, lm, host, team.id, start, 2);
      expectError(await ask(pm, otherTeam.id, addDays(start, 10), 2), 409, 'PM_OVERLAP');
      expect((await ask(pm, otherTeam.id, addDays(start, 14), 1)).status).toBe(201);
    });
  });

  describe('CAPACITY_FULL', () => {
    it('is 409 at host approval when the team is full on a day, with next free slots; the request stays pending_host', async () => {
      const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(17);
      // Pending requests consume no capacity: both may ask for the same days.
      const a = await f.request(pmA, team.id, start, 2);
      const b = await f.request(pmB, team.id, start, 2);
      expect((await f.approve(lm, a.id)).status).toBe(200);
      expect((await f.approve(lm, b.id)).status).toBe(200);
      const bookedA = await f.approve(host, a.id);
      expect(bookedA.status).toBe(200);
      expect(bookedA.body).toMatchObject({ status: 'booked', placementId: expect.any(String) });

      const full = await f.approve(host, b.id);
      expectError(full as CallResult, 409, 'CAPACITY_FULL');
      const details = (full.body as { details: { suggestions: SlotSuggestion[]; date?: string } }).details;
      expect(Array.isArray(details.suggestions)).toBe(true);
      expect(details.suggestions.length).toBeGreaterThan(0);
      for (const s of details.suggestions) {
        expect(s).toEqual({
          teamId: team.id,
          teamName: team.name,
          startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          endDate: addDays(s.startDate, 13),
        });
      }
      const first = details.suggestions[0] as SlotSuggestion;
      expect(overlaps(first.startDate, first.endDate, start, addDays(start, 13))).toBe(false);
      expect(first.startDate >= start).toBe(true);

      const after = await getRequest(b.id);
      expect(after.status).toBe('pending_host');
      expect(after.placementId).toBeNull();
      expect(after.approvals.map((x) => x.step)).toEqual(['manager']);
    });

    it("the first suggestion is the earliest free slot: the request's own pending days do not block it", async () => {
      const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(20);
      // A books one week; B wants two weeks from the same day: full on start..start+6 only.
      const a = await f.request(pmA, team.id, start, 1);
      const b = await f.request(pmB, team.id, start, 2);
      await f.approve(lm, a.id);
      await f.approve(lm, b.id);
      expect((await f.approve(host, a.id)).status).toBe(200);

      const full = await f.approve(host, b.id);
      expectError(full as CallResult, 409, 'CAPACITY_FULL');
      const suggestions = (full.body as { details: { suggestions: SlotSuggestion[] } }).details.suggestions;
      // start+7 .. start+20 passes every rule once B's request is moved there (PATCH re-checks excluding itself).
      expect(suggestions[0]).toEqual({
        teamId: team.id,
        teamName: team.name,
        startDate: addDays(start, 7),
        endDate: addDays(start, 20),
      });
      const moved = await patch<RotationRequest>(`/api/rotation-requests/${b.id}`, pmB, {
        startDate: addDays(start, 7),
      });
      expect(moved.status).toBe(200);
    });
  });

  describe('the request state machine', () => {
    it('reject needs a comment (400 without), then rejects; a rejected request cannot be approved (409 INVALID_STATE)', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const start = futureMonday(23);
      const request = await f.request(pm, team.id, start, 1);

      for (const body of [{}, { comment: '' }, { comment: '   ' }]) {
        const missing = await post(`/api/rotation-requests/${request.id}/reject`, lm, body);
        expectError(missing, 400, 'VALIDATION_FAILED');
        expect(missing.body).toHaveProperty('details.fields.comment');
      }
      expect((await getRequest(request.id)).status).toBe('pending_manager');

      const rejected = await post<RotationRequest>(`/api/rotation-requests/${request.id}/reject`, lm, {
        comment: 'Launch season',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        approvals: [{ step: 'manager', decision: 'rejected', byId: lm.user.id, comment: 'Launch season' }],
      });

      expectError((await f.approve(lm, request.id)) as CallResult, 409, 'INVALID_STATE');
      expectError((await f.approve(f.admin, request.id)) as CallResult, 409, 'INVALID_STATE');
      expectError(
        await post(`/api/rotation-requests/${request.id}/reject`, lm, { comment: 'again' }),
        409,
        'INVALID_STATE',
      );
      expectError(await post(`/api/rotation-requests/${request.id}/withdraw`, pm), 409, 'INVALID_STATE');
      expectError(await patch(`/api/rotation-requests/${request.id}`, pm, { goals: ['x'] }), 409, 'INVALID_STATE');
      // A rejected request no longer holds the PM's days.
      expect((await ask(pm, team.id, start, 1)).status).toBe(201);
    });

    it('the PM withdraws a pending request (→ withdrawn, days freed); approving it then is 409 INVALID_STATE', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const start = futureMonday(25);
      const request = await f.request(pm, team.id, start, 1);
      await f.approve(lm, request.id);

      const withdrawn = await post<RotationRequest>(`/api/rotation-requests/${request.id}/withdraw`, pm);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');

      expectError((await f.approve(host, request.id)) as CallResult, 409, 'INVALID_STATE');
      expectError((await f.approve(f.admin, request.id)) as CallResult, 409, 'INVALID_STATE');
      expectError(await post(`/api/rotation-requests/${request.id}/withdraw`, pm), 409, 'INVALID_STATE');
      expect((await ask(pm, team.id, start, 1)).status).toBe(201);
    });

    it('a booked request cannot be approved, rejected, withdrawn or edited (409 INVALID_STATE)', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const booked = await f.booked(pm, lm, host, team.id, futureMonday(27), 1);
      expect(booked).toMatchObject({ status: 'booked', placementId: expect.any(String) });
      expect(booked.approvals.map((a) => [a.step, a.decision])).toEqual([
        ['manager', 'approved'],
        ['host', 'approved'],
      ]);
      expectError((await f.approve(host, booked.id)) as CallResult, 409, 'INVALID_STATE');
      expectError((await f.approve(f.admin, booked.id)) as CallResult, 409, 'INVALID_STATE');
      expectError(
        await post(`/api/rotation-requests/${booked.id}/reject`, host, { comment: 'too late' }),
        409,
        'INVALID_STATE',
      );
      expectError(await post(`/api/rotation-requests/${booked.id}/withdraw`, pm), 409, 'INVALID_STATE');
      expectError(
        await patch(`/api/rotation-requests/${booked.id}`, pm, { startDate: futureMonday(28) }),
        409,
        'INVALID_STATE',
      );
    });

    it('PATCH of startDate resets to pending_manager and clears approvals (re-checked excluding itself); PATCH of goals only keeps pending_host', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const start = futureMonday(30);
      const request = await f.request(pm, team.id, start, 2);
      expect((await f.approve(lm, request.id)).status).toBe(200);

      const goals = await patch<RotationRequest>(`/api/rotation-requests/${request.id}`, pm, {
        goals: ['closing', 'persistence'],
        motivation: 'More.',
      });
      expect(goals.status).toBe(200);
      expect(goals.body).toMatchObject({
        status: 'pending_host',
        goals: ['closing', 'persistence'],
        motivation: 'More.',
        startDate: start,
      });
      expect(goals.body.approvals).toEqual([
        expect.objectContaining({ step: 'manager', decision: 'approved', byId: lm.user.id }),
      ]);

      // One week later: overlaps its own old dates, which must not count as a PM_OVERLAP.
      const moved = await patch<RotationRequest>(`/api/rotation-requests/${request.id}`, pm, {
        startDate: addDays(start, 7),
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        status: 'pending_manager',
        startDate: addDays(start, 7),
        endDate: addDays(start, 20),
        approvals: [],
      });

      // The host cannot approve it now; it waits for the line manager again.
      expectError((await f.approve(host, request.id)) as CallResult, 403, 'FORBIDDEN');

      const longer = await patch<RotationRequest>(`/api/rotation-requests/${request.id}`, pm, { durationWeeks: 3 });
      expect(longer.body).toMatchObject({ status: 'pending_manager', endDate: addDays(start, 27) });
      // Rules apply to the new plan.
      expectError(
        await patch(`/api/rotation-requests/${request.id}`, pm, { durationWeeks: 13 }),
        422,
        'DURATION_OUT_OF_POLICY',
      );
      expectError(
        await patch(`/api/rotation-requests/${request.id}`, pm, { startDate: addDays(todayUtc(), -7) }),
        422,
        'START_IN_PAST',
      );
    });
  });

  describe('reschedule', () => {
    it('moving a placement by one week inside a capacity-1 team succeeds (rules re-checked excluding itself)', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(33);
      const booked = await f.booked(pm, lm, host, team.id, start, 2);
      const placementId = booked.placementId ?? '';

      const moved = await post<Placement>(`/api/placements/${placementId}/reschedule`, host, {
        startDate: addDays(start, 7),
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        id: placementId,
        startDate: addDays(start, 7),
        endDate: addDays(start, 20),
        durationWeeks: 2,
        status: 'scheduled',
      });
      expect(Array.isArray(moved.body.checkIns)).toBe(true);

      const days = await get<AvailabilityDay[]>(
        `/api/teams/${team.id}/availability?${q({ from: start, to: addDays(start, 21) })}`,
        host,
      );
      expect(days.body.map((d) => d.booked)).toEqual([...Array(7).fill(0), ...Array(14).fill(1), 0]);

      // The request mirrors the booked dates.
      expect(await getRequest(booked.id)).toMatchObject({ startDate: addDays(start, 7), endDate: addDays(start, 20) });

      // A new duration too, by the admin.
      const longer = await post<Placement>(`/api/placements/${placementId}/reschedule`, f.admin, {
        startDate: addDays(start, 7),
        durationWeeks: 3,
      });
      expect(longer.status).toBe(200);
      expect(longer.body).toMatchObject({ endDate: addDays(start, 27), durationWeeks: 3 });
    });

    it('into a blackout is 422 BLACKOUT; into the past is 422; onto a full team is 409 CAPACITY_FULL; the placement keeps its dates', async () => {
      const [pm, pm2] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(37);
      const booked = await f.booked(pm, lm, host, team.id, start, 1);
      await f.booked(pm2, lm, host, team.id, addDays(start, 21), 1);
      const placementId = booked.placementId ?? '';
      expect((await blackout(team.id, addDays(start, 10), addDays(start, 10))).status).toBe(201);

      expectError(
        await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 7) }),
        422,
        'BLACKOUT',
      );
      expectError(
        await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(todayUtc(), -7) }),
        422,
        'START_IN_PAST',
      );
      expectError(
        await post(`/api/placements/${placementId}/reschedule`, host, {
          startDate: addDays(start, 14),
          durationWeeks: 13,
        }),
        422,
        'DURATION_OUT_OF_POLICY',
      );
      const full = await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 18) });
      expectError(full, 409, 'CAPACITY_FULL');
      expect(full.body).toHaveProperty('details.suggestions', expect.any(Array));
      expectError(await post(`/api/placements/${placementId}/reschedule`, host, {}), 400, 'VALIDATION_FAILED');
      // The PM's own pending request elsewhere counts too.
      await f.request(pm, (await f.team(host)).id, addDays(start, 42), 1);
      expectError(
        await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 40) }),
        409,
        'PM_OVERLAP',
      );

      expect(await getPlacement(placementId)).toMatchObject({
        startDate: start,
        endDate: addDays(start, 6),
        status: 'scheduled',
      });
    });

    it("CAPACITY_FULL suggestions for a reschedule do not count the placement's own current days against it", async () => {
      const [pm, pm2] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(60);
      // pm2 holds start .. start+6; the placement holds start+7 .. start+13.
      await f.booked(pm2, lm, host, team.id, start, 1);
      const booked = await f.booked(pm, lm, host, team.id, addDays(start, 7), 1);
      const placementId = booked.placementId ?? '';

      // Two weeks from start: full on start .. start+6.
      const full = await post(`/api/placements/${placementId}/reschedule`, host, {
        startDate: start,
        durationWeeks: 2,
      });
      expectError(full, 409, 'CAPACITY_FULL');
      const suggestions = (full.body as { details: { suggestions: SlotSuggestion[] } }).details.suggestions;
      // Two weeks from start+7 only overlaps the placement itself, which a reschedule excludes.
      expect(suggestions[0]).toEqual({
        teamId: team.id,
        teamName: team.name,
        startDate: addDays(start, 7),
        endDate: addDays(start, 20),
      });
      const taken = await post<Placement>(`/api/placements/${placementId}/reschedule`, host, {
        startDate: addDays(start, 7),
        durationWeeks: 2,
      });
      expect(taken.status).toBe(200);
    });
  });

  describe('cancel', () => {
    it('needs a reason; a cancelled placement frees capacity for a new host approval; cancelling twice is 409 INVALID_STATE', async () => {
      const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(40);
      const a = await f.request(pmA, team.id, start, 2);
      const b = await f.request(pmB, team.id, start, 2);
      await f.approve(lm, a.id);
      await f.approve(lm, b.id);
      const bookedA = await f.approve(host, a.id);
      const placementId = String(bookedA.body['placementId']);
      expectError((await f.approve(host, b.id)) as CallResult, 409, 'CAPACITY_FULL');

      for (const body of [{}, { reason: '' }, { reason: '  ' }]) {
        const noReason = await post(`/api/placements/${placementId}/cancel`, host, body);
        expectError(noReason, 400, 'VALIDATION_FAILED');
        expect(noReason.body).toHaveProperty('details.fields.reason');
      }
      expect((await getPlacement(placementId)).status).toBe('scheduled');

      const cancelled = await post<Placement>(`/api/placements/${placementId}/cancel`, host, {
        reason: 'Team offsite',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id: placementId, status: 'cancelled', cancelledReason: 'Team offsite' });

      const bookedB = await f.approve(host, b.id);
      expect(bookedB.status).toBe(200);
      expect(bookedB.body).toMatchObject({ status: 'booked', placementId: expect.any(String) });

      expectError(await post(`/api/placements/${placementId}/cancel`, host, { reason: 'again' }), 409, 'INVALID_STATE');
      expectError(
        await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 28) }),
        409,
        'INVALID_STATE',
      );
      // The PM's days are free again too.
      expect((await ask(pmA, team.id, addDays(start, 28), 1)).status).toBe(201);
      expect((await ask(pmA, (await f.team(host)).id, start, 1)).status).toBe(201);
    });
  });

  describe('GET /api/teams/:id/availability', () => {
    it('gives booked counts per day and blackout flags; a range over 366 days is 400', async () => {
      const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 2 });
      const start = futureMonday(43);
      await f.booked(pmA, lm, host, team.id, start, 1);
      await f.booked(pmB, lm, host, team.id, addDays(start, 3), 1);
      expect((await blackout(team.id, addDays(start, 12), addDays(start, 13))).status).toBe(201);

      const from = addDays(start, -1);
      const result = await get<AvailabilityDay[]>(
        `/api/teams/${team.id}/availability?${q({ from, to: addDays(start, 14) })}`,
        pmA,
      );
      expect(result.status).toBe(200);
      expect(result.body).toHaveLength(16);
      const booked = [0, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0];
      const black = [
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        true,
        true,
        false,
      ];
      expect(result.body).toEqual(
        booked.map((n, i) => ({ date: addDays(from, i), booked: n, capacity: 2, blackout: black[i] })),
      );

      const justOk = await get<AvailabilityDay[]>(
        `/api/teams/${team.id}/availability?${q({ from: start, to: addDays(start, 365) })}`,
        pmA,
      );
      expect(justOk.status).toBe(200);
      expect(justOk.body).toHaveLength(366);
      const tooLong = await get(
        `/api/teams/${team.id}/availability?${q({ from: start, to: addDays(start, 366) })}`,
        pmA,
      );
      expectError(tooLong, 400, 'VALIDATION_FAILED');
      expect(tooLong.body).toHaveProperty('details.fields');
      expectError(
        await get(`/api/teams/${team.id}/availability?${q({ from: start, to: addDays(start, -1) })}`, pmA),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await get(`/api/teams/${team.id}/availability?${q({ from: start })}`, pmA), 400, 'VALIDATION_FAILED');
      expectError(
        await get(`/api/teams/${randomUUID()}/availability?${q({ from: start, to: addDays(start, 1) })}`, pmA),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('GET /api/slots', () => {
    it('returns the earliest feasible slot after a booked capacity-1 block, respecting the PM’s own days', async () => {
      const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(47);
      await f.booked(pmA, lm, host, team.id, start, 2);
      const window = { durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 90), teamId: team.id };

      const one = await get<SlotSuggestion[]>(`/api/slots?${q(window)}`, pmB);
      expect(one.status).toBe(200);
      expect(one.body).toEqual([
        { teamId: team.id, teamName: team.name, startDate: addDays(start, 14), endDate: addDays(start, 20) },
      ]);

      const three = await get<SlotSuggestion[]>(`/api/slots?${q({ ...window, limit: '3' })}`, pmB);
      expect(three.body.map((s) => s.startDate)).toEqual([addDays(start, 14), addDays(start, 15), addDays(start, 16)]);

      // pmB's own pending request on start+14 .. start+20 pushes their slot on.
      await f.request(pmB, (await f.team(host)).id, addDays(start, 14), 1);
      const after = await get<SlotSuggestion[]>(`/api/slots?${q(window)}`, pmB);
      expect(after.body).toEqual([
        { teamId: team.id, teamName: team.name, startDate: addDays(start, 21), endDate: addDays(start, 27) },
      ]);

      // The line manager planning for pmB sees the same.
      const planned = await get<SlotSuggestion[]>(`/api/slots?${q({ ...window, pmId: pmB.user.id })}`, lm);
      expect(planned.status).toBe(200);
      expect(planned.body).toEqual(after.body);
    });

    it('a window over 2 years is 400; a pmId of a PM the manager does not manage is 404', async () => {
      const otherLm = await f.manager();
      const [pm, stranger] = await Promise.all([f.pm(lm), f.pm(otherLm)]);
      const start = futureMonday(50);
      const tooWide = await get(
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 3 * 365) })}`,
        pm,
      );
      expectError(tooWide, 400, 'VALIDATION_FAILED');
      expect(tooWide.body).toHaveProperty('details.fields.latestEnd');
      expectError(
        await get(`/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, -1) })}`, pm),
        400,
        'VALIDATION_FAILED',
      );

      const notMine = await get(
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 60), pmId: stranger.user.id })}`,
        lm,
      );
      expectError(notMine, 404, 'NOT_FOUND');
      const ghost = await get(
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 60), pmId: randomUUID() })}`,
        lm,
      );
      expectError(ghost, 404, 'NOT_FOUND');
      const mine = await get(
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 60), pmId: pm.user.id })}`,
        lm,
      );
      expect(mine.status).toBe(200);
    });
  });

  describe('GET /api/placements.csv', () => {
    it('is text/csv with a header row and one line per visible placement', async () => {
      const [pm, other] = await Promise.all([f.pm(lm), f.pm(lm)]);
      const teamHost = await f.manager();
      const team = await f.team(teamHost, { capacity: 3 });
      const start = futureMonday(53);
      const p1 = await f.booked(pm, lm, teamHost, team.id, start, 1);
      const p2 = await f.booked(pm, lm, teamHost, team.id, addDays(start, 14), 2);
      const p3 = await f.booked(other, lm, teamHost, team.id, start, 1);

      const asPm = await call<string>(t.url, 'GET', '/api/placements.csv', { token: pm.token });
      expect(asPm.status).toBe(200);
      expect(asPm.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = asPm.body.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^id,/);
      expect(lines[0]).toEqual(expect.stringContaining('startDate'));
      expect(lines).toHaveLength(3);
      const rows = lines.slice(1);
      expect(rows.map((l) => l.split(',')[0]).sort()).toEqual([p1.placementId, p2.placementId].sort());
      expect(rows.find((l) => l.startsWith(String(p2.placementId)))).toEqual(
        expect.stringContaining(`${addDays(start, 14)},${addDays(start, 27)}`),
      );

      const asHost = await call<string>(t.url, 'GET', '/api/placements.csv', { token: teamHost.token });
      const hostIds = asHost.body
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort();
      expect(hostIds).toEqual([p1.placementId, p2.placementId, p3.placementId].sort());

      const windowed = await call<string>(
        t.url,
        'GET',
        `/api/placements.csv?${q({ from: addDays(start, 14), to: addDays(start, 20) })}`,
        { token: pm.token },
      );
      expect(
        windowed.body
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ).toEqual([p2.placementId]);
    });
  });

  describe('PUT /api/policy validation', () => {
    it('minWeeks > maxWeeks is a 400 with details.fields, and changes nothing', async () => {
      const before = await get<ProgrammePolicy>('/api/policy', f.admin);
      const crossed = await call(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { minWeeks: 6, maxWeeks: 3 },
      });
      expectError(crossed, 400, 'VALIDATION_FAILED');
      const fields = (crossed.body as { details: { fields: Record<string, string> } }).details.fields;
      expect(typeof fields).toBe('object');
      expect(Object.keys(fields).some((k) => k === 'minWeeks' || k === 'maxWeeks')).toBe(true);

      // Checked against the merged policy: minWeeks alone above the current maxWeeks.
      const merged = await call(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { minWeeks: before.body.maxWeeks + 1 },
      });
      expectError(merged, 400, 'VALIDATION_FAILED');
      expect(merged.body).toHaveProperty('details.fields');

      for (const body of [
        { checkinTime: '25:00' },
        { maxWeeks: 0 },
        { minWeeks: 1.5 },
        { followUpDays: -1 },
        { maxWeeks: '4' },
        { mood: 'happy' },
      ]) {
        const bad = await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body });
        expectError(bad, 400, 'VALIDATION_FAILED');
        expect(bad.body).toHaveProperty(`details.fields.${Object.keys(body)[0]}`);
      }
      expect((await get<ProgrammePolicy>('/api/policy', f.admin)).body).toEqual(before.body);
    });
  });

  describe('GET /api/audit', () => {
    it('lists request.submitted, request.released and request.booked for a request id, with who did it', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 2 });
      const booked = await f.booked(pm, lm, host, team.id, futureMonday(56), 1);

      const result = await get<Page<AuditEntry>>(
        `/api/audit?${q({ entityType: 'rotation_request', entityId: booked.id })}`,
        f.admin,
      );
      expect(result.status).toBe(200);
      expect(result.body.items.every((e) => e.entityId === booked.id && e.entityType === 'rotation_request')).toBe(
        true,
      );
      const byAction = new Map(result.body.items.map((e) => [e.action, e]));
      expect([...byAction.keys()]).toEqual(expect.arrayContaining(['request.submitted', 'request.booked']));
      expect(byAction.get('request.submitted')).toMatchObject({ actorId: pm.user.id, at: expect.stringMatching(/Z$/) });
      expect(byAction.get('request.booked')).toMatchObject({ actorId: host.user.id });
      expect(byAction.get('request.released')).toMatchObject({ actorId: lm.user.id });

      const placement = await get<Page<AuditEntry>>(
        `/api/audit?${q({ entityType: 'placement', entityId: String(booked.placementId) })}`,
        f.admin,
      );
      expect(placement.body.items.map((e) => e.action)).toContain('placement.booked');

      expectError(await get(`/api/audit?${q({ entityId: booked.id })}`, host), 403, 'FORBIDDEN');
    });
  });
});
