import type { Page } from '@stint/contracts';
import { ask, blackout, expectError, get, getPlacement, getRequest, startBookingRules } from './support/booking-rules';
import { addDays, q } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, TestApp } from './support/test-app';

/*
 * Blackouts: per team or global, and what one over a booked placement reports.
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
});
