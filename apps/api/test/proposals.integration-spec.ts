import type { RotationRequest, SlotSuggestion, Today } from '@stint/contracts';
import { readableRange } from '@stint/shared-dates';
import { addDays } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { sql } from './support/sql';
import { call, CallResult, startTestApp, TestApp } from './support/test-app';

/*
 * Counter-proposals: the host of a full team proposes another start, the PM
 * accepts or declines it, and the host then approves as usual. Everything
 * through the HTTP API; emails read from the outbox. Weeks 300 and on: no
 * other spec books there. Teams have no holiday country, so any Monday is a
 * business day.
 */

type Json = Record<string, unknown>;

describe('counter-proposals when the team is full', () => {
  let t: TestApp;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;
  let week = 300;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    [lm, host] = await Promise.all([f.manager(), f.manager()]);
  });
  afterAll(() => t.close());

  const post = <T = Json>(actor: Actor, path: string, body: unknown = {}): Promise<CallResult<T>> =>
    call<T>(t.url, 'POST', path, { token: actor.token, body });
  const get = async (actor: Actor, id: string): Promise<RotationRequest> =>
    (await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${id}`, { token: actor.token })).body;
  const propose = (actor: Actor, id: string, startDate: string) =>
    post<RotationRequest>(actor, `/api/rotation-requests/${id}/propose`, { startDate });
  const answer = (actor: Actor, id: string, verb: 'accept' | 'decline') =>
    post<RotationRequest>(actor, `/api/rotation-requests/${id}/${verb}-proposal`);

  /** Emails about one request, oldest first. */
  const emails = (requestId: string) =>
    sql<{ kind: string; recipient: string; subject: string; body_text: string }>(
      `SELECT kind, recipient, subject, body_text FROM notifications WHERE related_id = $1 ORDER BY created_at, id`,
      [requestId],
    );

  /**
   * A capacity-1 team booked by another PM for two weeks from `start`, and a
   * second PM's two-week request for the same start, released by their line
   * manager: the host's approval answers CAPACITY_FULL.
   */
  async function blocked() {
    const start = futureMonday(week);
    week += 6;
    const team = await f.team(host, { capacity: 1 });
    await f.booked(await f.pm(lm), lm, host, team.id, start);
    const pm = await f.pm(lm);
    const created = await post<RotationRequest>(pm, '/api/rotation-requests', {
      teamId: team.id,
      startDate: start,
      durationWeeks: 2,
      goals: ['closing'],
      waitlistIfFull: true,
    });
    expect(created.status).toBe(201);
    const request = created.body;
    expect((await f.approve(lm, request.id)).status).toBe(200);
    const full = await f.approve(host, request.id);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'CAPACITY_FULL' });
    const suggestions = (full.body['details'] as { suggestions: SlotSuggestion[] }).suggestions;
    return { start, team, pm, request, suggestions, free: addDays(start, 14) };
  }

  it('propose → the PM sees it on their home → accepts → dates move, release stands → host approves → booked there', async () => {
    const { start, pm, request, suggestions, free } = await blocked();
    // The Monday after the blocking placement is among the free starts offered: that is what the host proposes.
    expect(suggestions.map((s) => s.startDate)).toContain(free);

    const proposed = await propose(host, request.id, free);
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({
      status: 'pending_host',
      startDate: start,
      proposal: {
        startDate: free,
        endDate: addDays(free, 13),
        proposedBy: host.user.id,
        proposedByName: host.user.name,
      },
    });

    const today = (await call<Today>(t.url, 'GET', '/api/me/today', { token: pm.token })).body;
    expect(today.proposalsAwaitingMe).toEqual([
      expect.objectContaining({ requestId: request.id, startDate: start, proposedStartDate: free }),
    ]);
    expect(today.counts.proposalsAwaitingMe).toBe(1);
    // The host does not have it on their own home as something to answer.
    const hostToday = (await call<Today>(t.url, 'GET', '/api/me/today', { token: host.token })).body;
    expect(hostToday.proposalsAwaitingMe).toEqual([]);

    const accepted = await answer(pm, request.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'pending_host',
      startDate: free,
      endDate: addDays(free, 13),
      durationWeeks: 2,
      proposal: null,
    });
    // The line manager's release stands: the request still only waits for the host.
    expect(accepted.body.approvals).toEqual([expect.objectContaining({ step: 'manager', decision: 'approved' })]);
    expect((await call<Today>(t.url, 'GET', '/api/me/today', { token: pm.token })).body.proposalsAwaitingMe).toEqual(
      [],
    );

    const booked = await f.approve(host, request.id);
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ status: 'booked' });
    const [placement] = await sql<{ start_date: string; end_date: string }>(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM placements WHERE request_id = $1`,
      [request.id],
    );
    expect(placement).toEqual({ start_date: free, end_date: addDays(free, 13) });

    // Emails: the PM is told the proposed dates in words, the host that they were accepted.
    const sent = await emails(request.id);
    const words = readableRange(free, addDays(free, 13));
    const made = sent.find((e) => e.kind === 'proposal_made');
    expect(made).toMatchObject({ recipient: pm.user.email, subject: expect.stringContaining(words) });
    expect(made?.body_text).not.toContain(free);
    const told = sent.find((e) => e.kind === 'proposal_accepted');
    expect(told).toMatchObject({ recipient: host.user.email, subject: expect.stringContaining(words) });
    const actions = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'request.propos%' ORDER BY at`,
      [request.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['request.proposed', 'request.proposal_accepted']);
  });

  it('declining keeps the dates and tells the host; a repeated answer is 409 and changes nothing', async () => {
    const { start, request, free, pm } = await blocked();
    expect((await propose(host, request.id, free)).status).toBe(200);
    const declined = await answer(pm, request.id, 'decline');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'pending_host', startDate: start, proposal: null });
    const again = await answer(pm, request.id, 'accept');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE' });
    expect(await get(pm, request.id)).toMatchObject({ startDate: start, status: 'pending_host' });
    const sent = await emails(request.id);
    expect(sent.filter((e) => e.kind === 'proposal_declined').map((e) => e.recipient)).toEqual([host.user.email]);
  });

  it('a double accept applies once', async () => {
    const { request, free, pm } = await blocked();
    expect((await propose(host, request.id, free)).status).toBe(200);
    const both = await Promise.all([answer(pm, request.id, 'accept'), answer(pm, request.id, 'accept')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await get(pm, request.id)).toMatchObject({ startDate: free, proposal: null });
    const sent = await emails(request.id);
    expect(sent.filter((e) => e.kind === 'proposal_accepted')).toHaveLength(1);
  });

  it('only the host (or an admin) proposes, and only the PM answers', async () => {
    const { request, free, pm } = await blocked();
    const other = await f.manager();
    expect((await propose(pm, request.id, free)).status).toBe(403);
    expect((await propose(lm, request.id, free)).status).toBe(403);
    expect((await propose(other, request.id, free)).status).toBe(404);
    expect((await get(pm, request.id)).proposal).toBeNull();
    expect((await propose(f.admin, request.id, free)).status).toBe(200);
    expect((await answer(host, request.id, 'accept')).status).toBe(403);
    expect((await answer(lm, request.id, 'decline')).status).toBe(403);
    expect((await get(pm, request.id)).proposal).toMatchObject({ startDate: free });
  });

  it('proposing outside pending_host is 409 INVALID_STATE', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host, { capacity: 2 });
    const start = futureMonday(week);
    week += 6;
    const request = await f.request(pm, team.id, start);
    const early = await propose(host, request.id, addDays(start, 7));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', details: { status: 'pending_manager' } });
    expect((await answer(pm, request.id, 'accept')).status).toBe(409);
  });

  it('a proposed start that breaks a rule gets that rule’s error and changes nothing', async () => {
    const { start, request, pm } = await blocked();
    // A Saturday is no business day.
    const saturday = await propose(host, request.id, addDays(start, 19));
    expect(saturday.status).toBe(422);
    expect(saturday.body).toMatchObject({ code: 'START_NOT_BUSINESS_DAY' });
    // A week on, the team is still full.
    const full = await propose(host, request.id, addDays(start, 7));
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'CAPACITY_FULL', details: { suggestions: expect.any(Array) } });
    expect(await get(pm, request.id)).toMatchObject({ startDate: start, proposal: null });
    expect((await emails(request.id)).filter((e) => e.kind.startsWith('proposal'))).toEqual([]);
  });

  it('accepting re-checks the rules: a team that filled meanwhile answers CAPACITY_FULL and the request keeps its dates', async () => {
    const { start, team, request, free, pm } = await blocked();
    expect((await propose(host, request.id, free)).status).toBe(200);
    await f.booked(await f.pm(lm), lm, host, team.id, free);
    const late = await answer(pm, request.id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CAPACITY_FULL', details: { suggestions: expect.any(Array) } });
    expect(await get(pm, request.id)).toMatchObject({ startDate: start, proposal: { startDate: free } });
  });

  it('withdrawing or rejecting closes an open proposal', async () => {
    const { request, free, pm } = await blocked();
    expect((await propose(host, request.id, free)).status).toBe(200);
    const rejected = await post<RotationRequest>(host, `/api/rotation-requests/${request.id}/reject`, {
      comment: 'No room this quarter.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', proposal: null });
    expect((await answer(pm, request.id, 'accept')).status).toBe(409);
  });
});
