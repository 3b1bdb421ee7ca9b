import type { Placement, RotationRequest, SlotSuggestion } from '@stint/contracts';
import {
  ask,
  expectError,
  getPlacement,
  getRequest,
  overlaps,
  patch,
  post,
  startBookingRules,
} from './support/booking-rules';
import { addDays } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { CallResult, TestApp } from './support/test-app';

/*
 * Capacity: full teams refuse the host approval with suggestions; a cancelled placement frees its days.
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
});
