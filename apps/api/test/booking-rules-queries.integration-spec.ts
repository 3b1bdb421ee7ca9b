import type { AvailabilityDay, SlotSuggestion } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { blackout, expectError, get, startBookingRules } from './support/booking-rules';
import { addDays, q } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, TestApp } from './support/test-app';

/*
 * What the API answers about free days: availability, slots and the placements CSV.
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
      // One start a week, each on its Monday: alternatives a day apart would be near-duplicates.
      expect(three.body.map((s) => s.startDate)).toEqual([addDays(start, 14), addDays(start, 21), addDays(start, 28)]);

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

      // Another PM is booked into that week: the very next search (the teams' bookings are kept between writes)
      // moves on a week.
      await f.booked(await f.pm(lm), lm, host, team.id, addDays(start, 21), 1);
      const taken = await get<SlotSuggestion[]>(`/api/slots?${q(window)}`, pmB);
      expect(taken.body).toEqual([
        { teamId: team.id, teamName: team.name, startDate: addDays(start, 28), endDate: addDays(start, 34) },
      ]);
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
});
