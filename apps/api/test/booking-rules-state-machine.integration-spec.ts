import type { AuditEntry, Page, RotationRequest } from '@stint/contracts';
import { ask, expectError, get, getRequest, patch, post, startBookingRules } from './support/booking-rules';
import { addDays, q, todayUtc } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { CallResult, TestApp } from './support/test-app';

/*
 * The request state machine (reject, withdraw, edit, booked), and the audit trail it leaves.
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
