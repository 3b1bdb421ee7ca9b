import type { Placement, RotationRequest } from '@stint/contracts';
import { sql } from './support/sql';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

async function count(text: string, params: unknown[]): Promise<number> {
  return Number((await sql<{ n: unknown }>(text, params))[0]?.n ?? 0);
}

/** The same request twice at the same instant, as a double click sends it. */
async function twice<T>(send: () => Promise<CallResult<T>>): Promise<number[]> {
  const results = await Promise.all([send(), send()]);
  for (const r of results) expect(r.status).toBeLessThan(500);
  return results.map((r) => r.status).sort();
}

describe('double submits: the same state-changing POST sent twice at once has one effect', () => {
  let t: TestApp;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
  });

  afterAll(() => t.close());

  it('creating a rotation request', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const body = { teamId: team.id, startDate: futureMonday(10), durationWeeks: 1, goals: ['closing'] };
    const statuses = await twice(() =>
      call<RotationRequest>(t.url, 'POST', '/api/rotation-requests', { token: pm.token, body }),
    );
    expect(statuses).toEqual([201, 409]);
    expect(await count(`SELECT count(*) AS n FROM rotation_requests WHERE pm_id = $1`, [pm.user.id])).toBe(1);
  });

  it('releasing and booking (each step once), rejecting and withdrawing', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const request = await f.request(pm, team.id, futureMonday(14), 1);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/rotation-requests/${request.id}/approve`, {
          token: lineManager.token,
          body: { step: 'manager' },
        }),
      ),
    ).toEqual([200, 409]);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/rotation-requests/${request.id}/approve`, {
          token: host.token,
          body: { step: 'host' },
        }),
      ),
    ).toEqual([200, 409]);
    expect(await count(`SELECT count(*) AS n FROM placements WHERE request_id = $1`, [request.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM request_approvals WHERE request_id = $1`, [request.id])).toBe(2);

    const toReject = await f.request(await f.pm(lineManager), team.id, futureMonday(18), 1);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/rotation-requests/${toReject.id}/reject`, {
          token: lineManager.token,
          body: { comment: 'Not now' },
        }),
      ),
    ).toEqual([200, 409]);
    const withdrawer = await f.pm(lineManager);
    const toWithdraw = await f.request(withdrawer, team.id, futureMonday(22), 1);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/rotation-requests/${toWithdraw.id}/withdraw`, { token: withdrawer.token }),
      ),
    ).toEqual([200, 409]);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'request.withdrawn'`, [
        toWithdraw.id,
      ]),
    ).toBe(1);
  });

  it('cancelling a placement and completing a check-in', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(26), 1);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/placements/${booked.placementId}/cancel`, {
          token: host.token,
          body: { reason: 'Re-org' },
        }),
      ),
    ).toEqual([200, 409]);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action LIKE '%cancel%'`, [
        booked.placementId,
      ]),
    ).toBe(1);

    const other = await f.pm(lineManager);
    const second = await f.booked(other, lineManager, host, team.id, futureMonday(30), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${second.placementId}`, {
      token: other.token,
    });
    const kickoff = placement.body.checkIns[0];
    if (!kickoff) throw new Error('no kickoff');
    // On the check-in's day, when its reflection is open.
    const { controlClock } = await import('./support/worker');
    controlClock(t.app, new Date(kickoff.scheduledAt));
    try {
      const body = { ratings: { negotiation: 3, closing: 3, persistence: 3 }, notes: 'Once' };
      expect(
        await twice(() => call(t.url, 'POST', `/api/check-ins/${kickoff.id}/complete`, { token: other.token, body })),
      ).toEqual([200, 409]);
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'check_in.completed'`, [
          kickoff.id,
        ]),
      ).toBe(1);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('rescheduling to the same dates and giving the same feedback: the repeat changes nothing', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(34), 1);
    const startDate = futureMonday(36);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/placements/${booked.placementId}/reschedule`, {
          token: host.token,
          body: { startDate },
        }),
      ),
    ).toEqual([200, 200]);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'placement.rescheduled'`, [
        booked.placementId,
      ]),
    ).toBe(1);
    expect(await count(`SELECT sequence AS n FROM placements WHERE id = $1`, [booked.placementId])).toBe(1);

    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: host.token,
    });
    const checkInId = placement.body.checkIns[0]?.id;
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/check-ins/${checkInId}/feedback`, {
          token: host.token,
          body: { text: 'Strong discovery calls.' },
        }),
      ),
    ).toEqual([201, 201]);
    expect(await count(`SELECT count(*) AS n FROM check_in_feedback WHERE check_in_id = $1`, [checkInId])).toBe(1);
  });

  it('creating a user twice with one email', async () => {
    const email = `twice-${Date.now()}@test.stint`;
    const statuses = await twice(() =>
      call(t.url, 'POST', '/api/users', {
        token: f.admin.token,
        body: { email, name: 'Twice', role: 'manager', password: 'password-123' },
      }),
    );
    expect(statuses).toEqual([201, 409]);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email = $1`, [email])).toBe(1);
  });

  it('a line manager repeating a release without naming the step: 409, one release', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const request = await f.request(pm, team.id, futureMonday(38), 1);
    expect(
      await twice(() =>
        call(t.url, 'POST', `/api/rotation-requests/${request.id}/approve`, { token: lineManager.token, body: {} }),
      ),
    ).toEqual([200, 409]);
    expect(await count(`SELECT count(*) AS n FROM request_approvals WHERE request_id = $1`, [request.id])).toBe(1);
  });

  it('adding and deleting a blackout', async () => {
    const team = await f.team(host, { capacity: 2 });
    const body = { teamId: team.id, startsOn: futureMonday(40), endsOn: futureMonday(41), reason: 'Offsite' };
    const created = await Promise.all(
      [0, 1].map(() => call<{ id: string }>(t.url, 'POST', '/api/blackouts', { token: f.admin.token, body })),
    );
    expect(created.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(`SELECT count(*) AS n FROM blackouts WHERE team_id = $1`, [team.id])).toBe(1);
    const id = created.find((r) => r.status === 201)?.body.id;
    expect(await twice(() => call(t.url, 'DELETE', `/api/blackouts/${id}`, { token: f.admin.token }))).toEqual([
      204, 404,
    ]);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'blackout.deleted'`, [id]),
    ).toBe(1);
  });

  it('signing out everywhere twice with one token: the repeat finds the session already ended', async () => {
    const pm = await f.pm(lineManager);
    expect(await twice(() => call(t.url, 'POST', '/api/auth/logout-all', { token: pm.token }))).toEqual([204, 401]);
    expect(await count(`SELECT token_version AS n FROM users WHERE id = $1`, [pm.user.id])).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'user.sessions_ended'`, [
        pm.user.id,
      ]),
    ).toBe(1);
  });
});
