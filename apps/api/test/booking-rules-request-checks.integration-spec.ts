import type { ProgrammePolicy, Team } from '@stint/contracts';
import { ask, expectError, get, getRequest, patch, startBookingRules } from './support/booking-rules';
import { ownStore } from './support/own-store';
import { addDays, todayUtc } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, CallResult, TestApp } from './support/test-app';

/*
 * Rules checked on every request: the policy's durations, no start in the past, an active
 * team, one rotation per PM at a time; and the policy's own validation. The two tests
 * that read or change the programme policy stay together in this file.
 * Set-up, helpers and conventions shared by every booking-rules spec: support/booking-rules.ts.
 */

describe('booking rules through HTTP', () => {
  let t: TestApp;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;

  // This suite changes the policy, one row for everyone: it does so in a database of its own (support/own-store.ts).
  const store = ownStore('rules_policy');

  beforeAll(async () => {
    ({ t, f, lm, host } = await startBookingRules(await store.open()));
  });
  afterAll(async () => {
    await t.close();
    await store.close();
  });

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
    it('is 422 for a start before today; today itself is not past, only too soon (or not a business day)', async () => {
      const pm = await f.pm(lm);
      const team = await f.team(host, { capacity: 5 });
      const lastWeek = addDays(todayUtc(), -7);
      const past = await ask(pm, team.id, lastWeek, 1);
      expectError(past, 422, 'START_IN_PAST');
      expect(past.body).toMatchObject({ details: { startDate: lastWeek } });

      const yesterday = await ask(pm, team.id, addDays(todayUtc(), -1), 1);
      expectError(yesterday, 422, 'START_IN_PAST');

      const today = await ask(pm, team.id, todayUtc(), 1);
      expect(today.status).toBe(422);
      expect(['START_TOO_SOON', 'START_NOT_BUSINESS_DAY']).toContain((today.body as { code?: string }).code);
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

  describe('PM_OVERLAP', () => {
    it('is 409 for a second request sharing a day with a pending one (any team); the next day is fine', async () => {
      const pm = await f.pm(lm);
      const [team, otherTeam] = await Promise.all([f.team(host, { capacity: 5 }), f.team(host, { capacity: 5 })]);
      const start = futureMonday(11);
      expect((await ask(pm, team.id, start, 2)).status).toBe(201);
      expectError(await ask(pm, team.id, addDays(start, 11), 1), 409, 'PM_OVERLAP');
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
});
