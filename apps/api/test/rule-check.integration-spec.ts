import type { BookingRule, RuleCheck, RuleCheckResult, SlotSuggestion } from '@stint/contracts';
import { addDays, todayUtc } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { sql } from './support/sql';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

/*
 * GET /api/rotation-requests/:id/rule-check: every booking rule judged on a
 * request's dates, as approving judges them. Each case also approves (or
 * tries to) and expects the same verdict. Weeks 160 and on: no other spec
 * uses them, so another file's global blackout never lands here.
 */

const RULES: BookingRule[] = ['team', 'duration', 'start', 'blackout', 'pm_overlap', 'capacity'];
const CODES = ['TEAM_INACTIVE', 'DURATION_OUT_OF_POLICY', 'START_IN_PAST', 'BLACKOUT', 'PM_OVERLAP', 'CAPACITY_FULL'];

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

function check(result: RuleCheck, rule: BookingRule): RuleCheckResult {
  const found = result.checks.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check in ${JSON.stringify(result)}`);
  return found;
}

/** Only `failing` fail; every other rule passes. */
function expectVerdicts(result: RuleCheck, failing: BookingRule[]): void {
  expect(result.checks.map((c) => [c.rule, c.code])).toEqual(RULES.map((rule, i) => [rule, CODES[i]]));
  expect(result.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual(failing);
  expect(result.ok).toBe(failing.length === 0);
  for (const c of result.checks) expect(c.message).toEqual(expect.any(String));
}

describe('GET /api/rotation-requests/:id/rule-check', () => {
  let t: TestApp;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    [lm, host] = await Promise.all([f.manager(), f.manager()]);
  });
  afterAll(() => t.close());

  const ruleCheck = (id: string, actor: Actor | null): Promise<CallResult<RuleCheck>> =>
    call<RuleCheck>(t.url, 'GET', `/api/rotation-requests/${id}/rule-check`, actor ? { token: actor.token } : {});

  async function okCheck(id: string, actor: Actor): Promise<RuleCheck> {
    const result = await ruleCheck(id, actor);
    if (result.status !== 200) throw new Error(`rule check: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  it('passes a request every rule allows, for everyone who may see it; approving then books it', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host, { capacity: 2 });
    const start = futureMonday(160);
    const request = await f.request(pm, team.id, start, 2);

    const result = await okCheck(request.id, host);
    expect(result).toEqual({
      requestId: request.id,
      startDate: start,
      endDate: addDays(start, 13),
      today: todayUtc(),
      ok: true,
      checks: expect.any(Array),
      availability: {
        capacity: 2,
        peakBooked: 0,
        fullDays: [],
        blackoutDays: [],
        days: days(start, 14).map((date) => ({ date, booked: 0, capacity: 2, blackout: false })),
      },
      suggestions: [],
    });
    expectVerdicts(result, []);
    expect(check(result, 'duration').details).toEqual({ durationWeeks: 2, minWeeks: 1, maxWeeks: 12 });
    expect(check(result, 'capacity').details).toEqual({ capacity: 2, peakBooked: 0, fullDays: [] });
    expect(check(result, 'start').details).toEqual({ startDate: start, today: todayUtc() });

    for (const viewer of [pm, lm, f.admin]) expect((await okCheck(request.id, viewer)).ok).toBe(true);

    expect((await f.approve(lm, request.id)).status).toBe(200);
    expect((await f.approve(host, request.id)).body).toMatchObject({ status: 'booked' });
    // Booked, it does not count against itself: its own placement is not a booking of the team, nor the PM's overlap.
    const booked = await okCheck(request.id, host);
    expectVerdicts(booked, []);
    expect(booked.availability.peakBooked).toBe(0);
  });

  it('a full team: capacity fails with the full days listed and the same next free slots approving offers', async () => {
    const [pmA, pmB] = await Promise.all([f.pm(lm), f.pm(lm)]);
    const team = await f.team(host, { capacity: 1 });
    const start = futureMonday(164);
    // Asked and released before A is booked: on a full team, asking and releasing are refused too.
    const request = await f.request(pmB, team.id, start, 2);
    expect((await f.approve(lm, request.id)).status).toBe(200);
    await f.booked(pmA, lm, host, team.id, start, 1);

    const result = await okCheck(request.id, host);
    expectVerdicts(result, ['capacity']);
    const fullDays = days(start, 7);
    expect(result.availability).toMatchObject({ capacity: 1, peakBooked: 1, fullDays, blackoutDays: [] });
    expect(check(result, 'capacity').details).toEqual({
      capacity: 1,
      peakBooked: 1,
      fullDays,
      date: start,
      booked: 1,
    });
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const s of result.suggestions) {
      expect(s).toEqual({
        teamId: team.id,
        teamName: team.name,
        startDate: expect.any(String),
        endDate: expect.any(String),
      });
      expect(s.endDate).toBe(addDays(s.startDate, 13));
      expect(s.startDate > addDays(start, 6)).toBe(true);
    }

    const refused = await f.approve(host, request.id);
    expect(refused.status).toBe(409);
    const details = (refused.body as { code: string; details: { date: string; suggestions: SlotSuggestion[] } })
      .details;
    expect(refused.body).toMatchObject({ code: 'CAPACITY_FULL' });
    expect(details.date).toBe(start);
    expect(details.suggestions).toEqual(result.suggestions);
  });

  it('a blackout: the blackout rule fails with its days, and releasing the request is refused the same way', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host, { capacity: 3 });
    const start = futureMonday(168);
    const request = await f.request(pm, team.id, start, 2);
    const blackout = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
      token: f.admin.token,
      body: { teamId: team.id, startsOn: addDays(start, 3), endsOn: addDays(start, 4), reason: 'Offsite' },
    });
    expect(blackout.status).toBe(201);

    const result = await okCheck(request.id, lm);
    expectVerdicts(result, ['blackout']);
    expect(result.availability.blackoutDays).toEqual([addDays(start, 3), addDays(start, 4)]);
    expect(result.availability.days.filter((d) => d.blackout).map((d) => d.date)).toEqual(
      result.availability.blackoutDays,
    );
    expect(check(result, 'blackout').details).toMatchObject({
      startDate: start,
      endDate: addDays(start, 13),
      blackouts: [{ id: blackout.body.id, teamId: team.id, reason: 'Offsite' }],
    });
    expect(check(result, 'blackout').message).toContain('Offsite');
    expect(result.suggestions.length).toBeGreaterThan(0);

    const refused = await f.approve(lm, request.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'BLACKOUT', message: check(result, 'blackout').message });
  });

  it("a PM overlap: the PM's other placement on these days fails the overlap rule, as it fails approving", async () => {
    const pm = await f.pm(lm);
    const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 3 }), f.team(host, { capacity: 3 })]);
    const start = futureMonday(172);
    const request = await f.request(pm, team.id, start, 2);
    const other = await f.booked(pm, lm, host, otherTeam.id, futureMonday(176), 2);
    // No API write lets a placement and a pending request of one PM share a day (each checks the rule);
    // the database allows it, so the state is made there, as a data import could leave it.
    await sql(`UPDATE placements SET start_date = $2::date, end_date = $2::date + 13 WHERE id = $1`, [
      other.placementId,
      addDays(start, 7),
    ]);

    const result = await okCheck(request.id, host);
    expectVerdicts(result, ['pm_overlap']);
    expect(check(result, 'pm_overlap').details).toEqual({
      startDate: start,
      endDate: addDays(start, 13),
      conflicts: [{ startDate: addDays(start, 7), endDate: addDays(start, 20) }],
    });
    // The other placement is in another team: this team's load is untouched.
    expect(result.availability.peakBooked).toBe(0);

    const refused = await f.approve(lm, request.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PM_OVERLAP', message: check(result, 'pm_overlap').message });
  });

  it('is 404 for a caller who may not see the request, and for an id that names nothing', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host, { capacity: 2 });
    const request = await f.request(pm, team.id, futureMonday(180), 1);
    const [otherPm, stranger] = await Promise.all([f.pm(await f.manager()), f.manager()]);

    for (const outsider of [otherPm, stranger]) {
      const hidden = await ruleCheck(request.id, outsider);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: `No rotation request with id ${request.id}.`,
        details: {},
      });
    }
    const unknown = await ruleCheck('00000000-0000-4000-8000-000000000000', f.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a malformed id is 404 like every other malformed id in the API (never a 400 or 500); no token is 401', async () => {
    for (const bad of ['not-a-uuid', '123', '%27%3B--']) {
      const result = await ruleCheck(bad, f.admin);
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
    const pm = await f.pm(lm);
    const request = await f.request(pm, (await f.team(host)).id, futureMonday(184), 1);
    expect((await ruleCheck(request.id, null)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await call<{
      paths: Record<string, { get?: { responses: Record<string, { content?: unknown }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>(t.url, 'GET', '/api/docs-json');
    const route = doc.body.paths['/api/rotation-requests/{id}/rule-check']?.get;
    expect(route).toBeDefined();
    expect(Object.keys(route?.responses ?? {}).sort()).toEqual(['200', '401', '404']);
    expect(JSON.stringify(route?.responses['200'])).toContain('#/components/schemas/RuleCheckDto');
    expect(Object.keys(doc.body.components.schemas['RuleCheckDto']?.properties ?? {}).sort()).toEqual(
      ['availability', 'checks', 'endDate', 'ok', 'requestId', 'startDate', 'suggestions', 'today'].sort(),
    );
  });
});
