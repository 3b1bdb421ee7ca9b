import type { Placement, ProgrammePolicy, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { ask, blackout, expectError, get, getPlacement, post, startBookingRules } from './support/booking-rules';
import { ownStore } from './support/own-store';
import { addDays, q, todayUtc } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

/*
 * The start rules: a newly chosen start is a business day of the host team
 * and at least the policy's lead time (business days) after the team's
 * today; approving confirms a start chosen earlier and never refuses it for
 * the days spent waiting. Set-up and conventions: support/booking-rules.ts.
 */

/** The error body's details, whatever the success type of the call. */
const details = (result: { body: unknown }): Record<string, unknown> =>
  (result.body as { details: Record<string, unknown> }).details;

const weekday = (date: string): number => new Date(`${date}T00:00:00.000Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

/** `n` business days after `from` (weekends skipped; a team without a holiday country). */
function businessDaysAfter(from: string, n: number): string {
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (!isWeekend(day)) counted++;
  }
  return day;
}

describe('start rules through HTTP', () => {
  let t: TestApp;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;

  // This suite changes the policy, one row for everyone: it does so in a database of its own (support/own-store.ts).
  const store = ownStore('rules_start');

  beforeAll(async () => {
    ({ t, f, lm, host } = await startBookingRules(await store.open()));
  });
  afterAll(async () => {
    await t.close();
    await store.close();
  });

  const requestsOf = async (pm: Actor): Promise<number> =>
    (await get<{ total: number }>('/api/rotation-requests?pageSize=1', pm)).body.total;

  it('refuses a weekend start with START_NOT_BUSINESS_DAY, in words, naming the next business day', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host);
    const saturday = addDays(futureMonday(61), 5);

    const refused = await ask(pm, team.id, saturday);
    expectError(refused, 422, 'START_NOT_BUSINESS_DAY');
    expect(details(refused)).toMatchObject({
      startDate: saturday,
      reason: 'weekend',
      nextBusinessDay: addDays(saturday, 2),
    });
    expect((refused.body as unknown as { message: string }).message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((refused.body as unknown as { message: string }).message).toMatch(/^Sat, \d+ \w+ \d{4} is a weekend day/);
    expect(await requestsOf(pm)).toBe(0);
  });

  it('refuses a public holiday of the team’s country, and only of that team', async () => {
    const pm = await f.pm(lm);
    // Easter Monday 2028 is a public holiday in Germany, not in the United States.
    const easterMonday = '2028-04-17';
    const german = await f.team(host, { holidayCountry: 'DE', timezone: 'Europe/Berlin' });
    const american = await f.team(host, { holidayCountry: 'US', timezone: 'America/New_York' });

    const refused = await ask(pm, german.id, easterMonday, 1);
    expectError(refused, 422, 'START_NOT_BUSINESS_DAY');
    expect(details(refused)).toMatchObject({ reason: 'holiday', nextBusinessDay: '2028-04-18' });

    const accepted = await ask(pm, american.id, easterMonday, 1);
    expect(accepted.status).toBe(201);
  });

  it('refuses a start inside the lead time with START_TOO_SOON and details.earliest, which is then accepted', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host);
    const today = todayUtc();
    const earliest = businessDaysAfter(today, 5);
    const tooSoon = businessDaysAfter(today, 4);

    const refused = await ask(pm, team.id, tooSoon, 1);
    expectError(refused, 422, 'START_TOO_SOON');
    expect(details(refused)).toMatchObject({ startDate: tooSoon, today, earliest, minLeadDays: 5 });
    expect(await requestsOf(pm)).toBe(0);

    const accepted = await ask(pm, team.id, earliest, 1);
    expect(accepted.status).toBe(201);
  });

  it('follows the policy’s minLeadDays: 0 turns the lead time off; a bad value is a 400 naming it', async () => {
    const before = await get<ProgrammePolicy>('/api/policy', f.admin);
    expect(before.body.minLeadDays).toBe(5);
    for (const bad of [-1, 61, 2.5, '5']) {
      const put = await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { minLeadDays: bad } });
      expectError(put, 400, 'VALIDATION_FAILED');
      expect(put.body).toMatchObject({ details: { fields: { minLeadDays: expect.any(String) } } });
    }
    const pm = await f.pm(lm);
    const team = await f.team(host);
    const tomorrowish = businessDaysAfter(todayUtc(), 1);
    try {
      const off = await call<ProgrammePolicy>(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { minLeadDays: 0 },
      });
      expect(off.body.minLeadDays).toBe(0);
      expect((await ask(pm, team.id, tomorrowish, 1)).status).toBe(201);
    } finally {
      await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { minLeadDays: 5 } });
    }
    expect((await get<ProgrammePolicy>('/api/policy', f.admin)).body).toEqual(before.body);
  });

  it('approving does not refuse a start that came closer while it waited; editing to a new start does', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host);
    const start = futureMonday(62);
    const request = (await ask(pm, team.id, start, 1)).body;
    expect((await post(`/api/rotation-requests/${request.id}/approve`, lm)).status).toBe(200);

    // The host decides two days before the start.
    const clock = controlClock(t.app, new Date(`${addDays(start, -2)}T09:00:00.000Z`));
    try {
      const moved = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
        token: pm.token,
        body: { startDate: addDays(start, 1) },
      });
      expectError(moved, 422, 'START_TOO_SOON');
      const rule = await get<{ checks: Array<{ rule: string; ok: boolean }> }>(
        `/api/rotation-requests/${request.id}/rule-check`,
        host,
      );
      expect(rule.body.checks.find((c) => c.rule === 'start')?.ok).toBe(true);
      const booked = await post<RotationRequest>(`/api/rotation-requests/${request.id}/approve`, host);
      expect(booked.status).toBe(200);
      expect(booked.body.status).toBe('booked');
    } finally {
      clock.set(new Date());
      jest.restoreAllMocks();
    }
  });

  it('a reschedule to a weekend or inside the lead time is refused and the placement keeps its dates', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host);
    const start = futureMonday(63);
    const booked = await f.booked(pm, lm, host, team.id, start, 1);
    const placementId = String(booked.placementId);

    const weekend = await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 6) });
    expectError(weekend, 422, 'START_NOT_BUSINESS_DAY');
    const soon = await post(`/api/placements/${placementId}/reschedule`, host, {
      startDate: businessDaysAfter(todayUtc(), 2),
    });
    expectError(soon, 422, 'START_TOO_SOON');
    const after = await getPlacement(placementId);
    expect(after).toMatchObject<Partial<Placement>>({ startDate: start, status: 'scheduled' });
  });

  it('/api/slots offers business days past the lead time: the earliest first, then one start a week', async () => {
    const team = await f.team(host, { capacity: 1 });
    const pm = await f.pm(lm);
    const today = todayUtc();
    const slots = await get<SlotSuggestion[]>(
      `/api/slots?${q({
        teamId: team.id,
        durationWeeks: '1',
        earliestStart: today,
        latestEnd: addDays(today, 70),
        limit: '6',
        pmId: pm.user.id,
      })}`,
      f.admin,
    );
    expect(slots.status).toBe(200);
    const starts = slots.body.map((s) => s.startDate);
    expect(starts).toHaveLength(6);
    expect(starts[0]).toBe(businessDaysAfter(today, 5));
    for (const start of starts) expect(isWeekend(start)).toBe(false);
    // Distinct weeks, and after the first every start is a Monday (no holidays for this team).
    const mondays = starts.map((s) => addDays(s, -((weekday(s) + 6) % 7)));
    expect(new Set(mondays).size).toBe(starts.length);
    for (const start of starts.slice(1)) expect(weekday(start)).toBe(1);
  });

  it('/api/slots across teams: a team free only months later still gets its earliest starts, beside the free one', async () => {
    const [busy, free] = await Promise.all([f.team(host, { capacity: 1 }), f.team(host, { capacity: 1 })]);
    const pm = await f.pm(lm);
    const start = futureMonday(10);
    // The busy team is closed for 30 weeks: further than the search's first look ahead (16 weeks and the length).
    expect((await blackout(busy.id, start, addDays(start, 30 * 7 - 1))).status).toBe(201);
    const window = { durationWeeks: '2', earliestStart: start, latestEnd: addDays(start, 720), limit: '2' };
    const slots = await get<SlotSuggestion[]>(
      `/api/slots?${q({ ...window, pmId: pm.user.id })}&teamId=${busy.id}&teamId=${free.id}`,
      f.admin,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.map((s) => [s.teamName, s.startDate, s.endDate])).toEqual([
      [free.name, start, addDays(start, 13)],
      [free.name, addDays(start, 7), addDays(start, 20)],
      [busy.name, addDays(start, 210), addDays(start, 223)],
      [busy.name, addDays(start, 217), addDays(start, 230)],
    ]);
  });
});
