import type { RotationRequest } from '@stint/contracts';
import { sql } from './support/sql';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

function approvals(requestId: string): Promise<Array<{ step: string; decision: string }>> {
  return sql(`SELECT step, decision FROM request_approvals WHERE request_id = $1 ORDER BY at`, [requestId]);
}

describe('approvals name their step: a double click never turns both keys', () => {
  let t: TestApp;
  let f: Fixtures;
  let both: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    both = await f.manager();
  });

  afterAll(() => t.close());

  const approve = (actor: Actor, id: string, body: Record<string, unknown>) =>
    call<RotationRequest>(t.url, 'POST', `/api/rotation-requests/${id}/approve`, { token: actor.token, body });

  it('a manager who is both line manager and host clicks "release" twice at once: released once, never booked', async () => {
    const team = await f.team(both, { capacity: 2 });
    const pm = await f.pm(both);
    const request = await f.request(pm, team.id, futureMonday(5), 1);
    const [a, b] = await Promise.all([
      approve(both, request.id, { step: 'manager', comment: 'release' }),
      approve(both, request.id, { step: 'manager', comment: 'release' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)?.body).toMatchObject({
      code: 'INVALID_STATE',
      details: { step: 'host' },
    });
    const now = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: both.token,
    });
    expect(now.body.status).toBe('pending_host');
    expect(await approvals(request.id)).toEqual([{ step: 'manager', decision: 'approved' }]);
  });

  it('without a step, a holder of both keys takes only the current step; the repeat is 409 until they send step "host"', async () => {
    const team = await f.team(both, { capacity: 2 });
    const pm = await f.pm(both);
    const request = await f.request(pm, team.id, futureMonday(7), 1);
    expect((await approve(both, request.id, {})).body.status).toBe('pending_host');
    const repeat = await approve(both, request.id, {});
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('send step "host"') });
    const host = await approve(both, request.id, { step: 'host' });
    expect(host.status).toBe(200);
    expect(host.body.status).toBe('booked');
    const again = await approve(both, request.id, { step: 'host' });
    expect(again.status).toBe(409);
    expect(await approvals(request.id)).toEqual([
      { step: 'manager', decision: 'approved' },
      { step: 'host', decision: 'approved' },
    ]);
  });

  it('an admin is a holder of both keys too; a step that is not the current one is 409 and changes nothing', async () => {
    const host = await f.manager();
    const line = await f.manager();
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(line);
    const request = await f.request(pm, team.id, futureMonday(9), 1);
    const early = await approve(f.admin, request.id, { step: 'host' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', details: { step: 'manager' } });
    expect(await approvals(request.id)).toEqual([]);
    await approve(f.admin, request.id, {});
    expect((await approve(f.admin, request.id, {})).status).toBe(409);
    // A host manager who holds only that key may still omit the step.
    const booked = await approve(host, request.id, {});
    expect(booked.body.status).toBe('booked');
    const bad = await approve(host, request.id, { step: 'both' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { step: expect.any(String) } } });
  });

  it('reject and withdraw: a repeat, even concurrent, is 409 and never a second effect', async () => {
    const team = await f.team(both, { capacity: 2 });
    const pm = await f.pm(both);
    const toReject = await f.request(pm, team.id, futureMonday(11), 1);
    const rejects = await Promise.all(
      [1, 2].map(() =>
        call(t.url, 'POST', `/api/rotation-requests/${toReject.id}/reject`, {
          token: both.token,
          body: { step: 'manager', comment: 'Not this quarter' },
        }),
      ),
    );
    expect(rejects.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await approvals(toReject.id)).toEqual([{ step: 'manager', decision: 'rejected' }]);

    const toWithdraw = await f.request(pm, team.id, futureMonday(13), 1);
    const withdrawals = await Promise.all(
      [1, 2].map(() => call(t.url, 'POST', `/api/rotation-requests/${toWithdraw.id}/withdraw`, { token: pm.token })),
    );
    expect(withdrawals.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("a deactivated PM's request can no longer be released or booked", async () => {
    const team = await f.team(both, { capacity: 2 });
    const pm = await f.pm(both);
    const request = await f.request(pm, team.id, futureMonday(15), 1);
    expect(
      (await call(t.url, 'PATCH', `/api/users/${pm.user.id}`, { token: f.admin.token, body: { active: false } }))
        .status,
    ).toBe(200);
    const release = await approve(both, request.id, { step: 'manager' });
    expect(release.status).toBe(409);
    expect(release.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('deactivated') });
    expect(await approvals(request.id)).toEqual([]);
  });
});
