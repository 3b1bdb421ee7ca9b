import type { AvailabilityDay, Placement, SlotSuggestion } from '@stint/contracts';
import { blackout, expectError, get, getPlacement, getRequest, post, startBookingRules } from './support/booking-rules';
import { addDays, q, todayUtc } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { TestApp } from './support/test-app';

/*
 * Rescheduling a placement: rules re-checked excluding itself.
 * Set-up, helpers and conventions shared by every booking-rules spec: support/booking-rules.ts.
 */

describe('booking rules through HTTP', () => {
  let t: TestApp;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;

  beforeAll(async () => {
    ({ t, f, lm, host } = await startBookingRules());
  });
  afterAll(() => t.close());

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
        await post(`/api/placements/${placementId}/reschedule`, host, { startDate: addDays(start, 39) }),
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

    it("a kept team window leaves a move's own booking out for that move only: another PM's search still finds it taken", async () => {
      const [pm, pm2, pm3] = await Promise.all([f.pm(lm), f.pm(lm), f.pm(lm)]);
      const team = await f.team(host, { capacity: 1 });
      const start = futureMonday(65);
      await f.booked(pm2, lm, host, team.id, start, 1);
      const booked = await f.booked(pm, lm, host, team.id, addDays(start, 7), 1);
      const placementId = booked.placementId ?? '';
      // The window a two-week move to `start` is answered from: a year (and the rotation) from its start.
      const window = { teamId: team.id, durationWeeks: '2', earliestStart: start, latestEnd: addDays(start, 379) };
      const othersFirst = async (): Promise<string | undefined> => {
        const found = await get<SlotSuggestion[]>(`/api/slots?${q({ ...window, limit: '3' })}`, pm3);
        expect(found.status).toBe(200);
        return found.body[0]?.startDate;
      };

      // Another PM reads the window first: both weeks are taken for them.
      expect(await othersFirst()).toBe(addDays(start, 14));
      const full = await post(`/api/placements/${placementId}/reschedule`, host, {
        startDate: start,
        durationWeeks: 2,
      });
      expectError(full, 409, 'CAPACITY_FULL');
      const suggestions = (full.body as { details: { suggestions: SlotSuggestion[] } }).details.suggestions;
      expect(suggestions[0]?.startDate).toBe(addDays(start, 7));
      // And after the move's answer, the same window is unchanged for everyone else.
      expect(await othersFirst()).toBe(addDays(start, 14));
    });
  });
});
