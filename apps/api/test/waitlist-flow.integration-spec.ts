import { OfferLapseJob } from '@stint/api-booking';
import { jobIds, QueueName, QueueService } from '@stint/api-jobs';
import { ReconcileJob } from '@stint/api-maintenance';
import type { AvailabilityDay, Placement, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { addDays } from '@stint/shared-dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { TestWorker, useMailStack } from './support/mail-stack';
import { HOUR, until } from './support/outbox';
import { SmtpSink } from './support/smtp-sink';
import { sql } from './support/sql';
import { call, TestApp } from './support/test-app';
import { controlClock } from './support/worker';
import {
  cancelPlacement,
  getRequest,
  overbookedDays,
  post,
  released,
  statuses,
  teamLine,
  waitlist,
} from './support/waitlist';

/*
 * The waitlist end to end, with the real API, worker, PostgreSQL, Redis and an SMTP sink: a full team's
 * host puts requests in line, a cancellation offers the place to the first in line at once, offers lapse
 * by their delayed job (or, when Redis lost it, by the reconciler), and an accepted offer books.
 * Both processes' clocks are injected so a 48-hour hold passes in a moment.
 */

describe('waitlist: from a full team to an offer that books (real SMTP, Redis, PostgreSQL and worker)', () => {
  const stack = useMailStack();
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  const teams: string[] = [];

  beforeAll(() => {
    ({ sink, t, worker, f, lineManager, host } = stack);
  });

  afterAll(async () => {
    expect(await overbookedDays(teams)).toEqual([]);
  });

  /** A capacity-1 team whose one place is booked by a first PM on `start`. */
  async function fullTeam(start: string, weeks = 2) {
    const team = await f.team(host, { capacity: 1 });
    teams.push(team.id);
    const first = await f.booked(await f.pm(lineManager), lineManager, host, team.id, start, weeks);
    return { team, placementId: String(first.placementId) };
  }

  /** A full team, two PMs in its line, and the blocking placement cancelled: the first is offered the place. */
  async function firstOfTwoOffered(start: string) {
    const { team, placementId } = await fullTeam(start);
    const [pmB, pmC] = [await f.pm(lineManager), await f.pm(lineManager)];
    const b = await released(f, pmB, lineManager, team.id, start);
    const c = await released(f, pmC, lineManager, team.id, start);
    await waitlist(f, host, b.id);
    await waitlist(f, host, c.id);
    await cancelPlacement(f, host, placementId);
    return { pmB, pmC, b, c };
  }

  /** Both processes read the same moved "now". */
  function clocks(start: Date) {
    const api = controlClock(t.app, start);
    const work = controlClock(worker.context, start);
    return { set: (at: Date) => (api.set(at), work.set(at)) };
  }

  it('a full team answers CAPACITY_FULL; the host waitlists; the line is in order; admins reorder it, audited', async () => {
    const start = futureMonday(60);
    const { team } = await fullTeam(start);
    const [pmB, pmC] = [await f.pm(lineManager), await f.pm(lineManager)];
    // Asking a full team is refused, saying how to ask for its waitlist instead.
    const refused = await call(t.url, 'POST', '/api/rotation-requests', {
      token: pmB.token,
      body: { teamId: team.id, startDate: start, durationWeeks: 2, goals: ['closing'] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CAPACITY_FULL' });
    expect(refused.body).toMatchObject({ details: { waitlist: expect.stringContaining('waitlistIfFull: true') } });
    const b = await released(f, pmB, lineManager, team.id, start);
    const c = await released(f, pmC, lineManager, team.id, addDays(start, 7));

    const full = await f.approve(host, b.id);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'CAPACITY_FULL' });
    expect(String(full.body['message'])).toContain('waitlist');

    // Only the host (or an admin) puts a request in line.
    expect((await post(f, pmB, `/api/rotation-requests/${b.id}/waitlist`)).status).toBe(403);
    expect((await post(f, lineManager, `/api/rotation-requests/${b.id}/waitlist`)).status).toBe(403);

    expect(await waitlist(f, host, b.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await waitlist(f, host, c.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // A double click is told where the request already stands.
    const again = await post(f, host, `/api/rotation-requests/${b.id}/waitlist`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', details: { waitlistPosition: 1 } });
    // Approving a waitlisted request is not how it books.
    expect((await f.approve(host, b.id)).status).toBe(409);
    await sink.waitFor((all) => all.some((m) => m.subject?.includes('number 1 on its waitlist')));

    expect(await getRequest(f, pmB, b.id)).toMatchObject({ waitlistPosition: 1, offerExpiresAt: null });
    const line = await teamLine(f, host, team.id);
    expect(line.items.map((i) => [i.requestId, i.status, i.waitlistPosition])).toEqual([
      [b.id, 'waitlisted', 1],
      [c.id, 'waitlisted', 2],
    ]);
    expect((await call(t.url, 'GET', `/api/teams/${team.id}/waitlist`, { token: pmB.token })).status).toBe(403);

    // Admins reorder; a host may not, and a list that no longer matches the line is refused.
    const path = `/api/teams/${team.id}/waitlist`;
    expect((await call(t.url, 'PUT', path, { token: host.token, body: { requestIds: [c.id, b.id] } })).status).toBe(
      403,
    );
    const stale = await call(t.url, 'PUT', path, { token: f.admin.token, body: { requestIds: [c.id] } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT' });
    const reordered = await call<{ items: Array<{ requestId: string }> }>(t.url, 'PUT', path, {
      token: f.admin.token,
      body: { requestIds: [c.id, b.id] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((i) => i.requestId)).toEqual([c.id, b.id]);
    expect(await getRequest(f, pmB, b.id)).toMatchObject({ waitlistPosition: 2 });
    const audit = await sql<{ action: string; after: { order: string[] } }>(
      `SELECT action, after FROM audit_log WHERE entity_id = $1 AND action = 'team.waitlist_reordered'`,
      [team.id],
    );
    expect(audit).toEqual([{ action: 'team.waitlist_reordered', after: { order: [c.id, b.id] } }]);
  });

  it('a cancellation offers the place to the first in line at once; the hold counts everywhere; accepting books it', async () => {
    const start = futureMonday(66);
    const now = new Date();
    const clock = clocks(now);
    const { team, placementId } = await fullTeam(start);
    const pmB = await f.pm(lineManager);
    const pmC = await f.pm(lineManager);
    const b = await released(f, pmB, lineManager, team.id, start);
    const c = await released(f, pmC, lineManager, team.id, start);
    await waitlist(f, host, b.id);
    await waitlist(f, host, c.id);

    expect((await cancelPlacement(f, host, placementId)).status).toBe(200);
    // In the same transaction as the cancellation: no waiting for a worker.
    const offered = await getRequest(f, pmB, b.id);
    expect(offered).toMatchObject({ status: 'offered', waitlistPosition: null });
    expect(new Date(String(offered.offerExpiresAt)).getTime()).toBe(now.getTime() + 48 * HOUR);
    expect(await getRequest(f, pmC, c.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // The held place counts: no free slot, a full day in availability, C still cannot be approved.
    const slots = await call<SlotSuggestion[]>(
      t.url,
      'GET',
      `/api/slots?teamId=${team.id}&durationWeeks=2&earliestStart=${start}&latestEnd=${addDays(start, 13)}`,
      { token: pmC.token },
    );
    expect(slots.body).toEqual([]);
    const days = await call<AvailabilityDay[]>(
      t.url,
      'GET',
      `/api/teams/${team.id}/availability?from=${start}&to=${start}`,
      { token: host.token },
    );
    expect(days.body[0]).toMatchObject({ booked: 1, capacity: 1 });

    // The PM's email, with the way to accept; and the expiry job, named after this offer.
    await sink.waitFor(() => sink.to(pmB.user.email).some((m) => m.subject?.includes('is held for you until')));
    const offerMail = sink.to(pmB.user.email).find((m) => m.subject?.includes('is held for you until'));
    expect(offerMail?.text).toContain(`/my-rotations?offer=${b.id}`);
    const queues = worker.context.get(QueueService);
    expect(await queues.jobIdsIn(QueueName.Reminders, ['delayed'])).toContain(jobIds.offerLapse(b.id, 1));

    // Only the PM answers their offer.
    expect((await post(f, host, `/api/rotation-requests/${b.id}/accept-offer`)).status).toBe(403);
    clock.set(new Date(now.getTime() + 47 * HOUR));
    const accepted = await post(f, pmB, `/api/rotation-requests/${b.id}/accept-offer`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'booked', placementId: expect.any(String), offerExpiresAt: null });
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${String(accepted.body['placementId'])}`, {
      token: pmB.token,
    });
    expect(placement.body.checkIns.map((ci) => ci.kind)).toContain('kickoff');
    // Its own hold is not counted twice: the day holds exactly one, and a repeat click changes nothing.
    expect(await overbookedDays([team.id])).toEqual([]);
    expect((await post(f, pmB, `/api/rotation-requests/${b.id}/accept-offer`)).status).toBe(409);
    await sink.waitFor(
      () =>
        sink.to(host.user.email).some((m) => m.subject?.includes(`took the free place in ${team.name}`)) &&
        sink
          .to(pmB.user.email)
          .some((m) => (m.attachments ?? []).some((a) => a.contentType.startsWith('text/calendar'))),
    );
    expect(await getRequest(f, pmC, c.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('an offer nobody answers lapses by its job when the hold ends, and the place passes to the next in line', async () => {
    const start = futureMonday(72);
    const now = new Date();
    const clock = clocks(now);
    const { pmB, pmC, b, c } = await firstOfTwoOffered(start);
    expect(await statuses([b.id, c.id])).toEqual({ [b.id]: 'offered', [c.id]: 'waitlisted' });

    // The hold ends; the delayed job (due in 48 real hours) is brought forward by the reconciler, which knows
    // PostgreSQL says it is due, and the worker applies it.
    clock.set(new Date(now.getTime() + 48 * HOUR + 1000));
    await worker.context.get(ReconcileJob).run();
    await until(async () => (await statuses([b.id]))[b.id] === 'lapsed', 'the offer to lapse');
    expect(await getRequest(f, pmC, c.id)).toMatchObject({ status: 'offered' });
    await sink.waitFor(() => sink.to(pmB.user.email).some((m) => m.subject?.includes('has gone to the next in line')));
    // A lapsed offer is final: it can no longer be accepted.
    const late = await post(f, pmB, `/api/rotation-requests/${b.id}/accept-offer`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ details: { status: 'lapsed' } });
  });

  it('an expiry whose job Redis lost is still applied, late, by the reconciler; an accept after the hold is refused', async () => {
    const start = futureMonday(78);
    const now = new Date();
    const clock = clocks(now);
    const { pmC, b, c } = await firstOfTwoOffered(start);
    const queues = worker.context.get(QueueService);
    await until(
      async () => (await queues.jobIdsIn(QueueName.Reminders, ['delayed'])).has(jobIds.offerLapse(b.id, 1)),
      "the offer's expiry job",
    );
    await queues.remove(QueueName.Reminders, jobIds.offerLapse(b.id, 1));

    clock.set(new Date(now.getTime() + 49 * HOUR));
    const summary = await worker.context.get(ReconcileJob).run();
    expect(summary.offers).toBeGreaterThanOrEqual(1);
    await until(async () => (await statuses([b.id]))[b.id] === 'lapsed', 'the lost expiry to be applied');
    expect((await statuses([c.id]))[c.id]).toBe('offered');

    // C's hold has ended too (the clock is past it) but its job has not run: accepting now is refused,
    // the lapse is applied by the accept itself, and nothing is booked.
    clock.set(new Date(now.getTime() + 100 * HOUR));
    const late = await post(f, pmC, `/api/rotation-requests/${c.id}/accept-offer`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', details: { status: 'lapsed' } });
    expect((await statuses([c.id]))[c.id]).toBe('lapsed');
    expect(await sql(`SELECT 1 FROM placements WHERE request_id = $1`, [c.id])).toEqual([]);
  });
});

describe('waitlist: a wait that outlives its dates', () => {
  const stack = useMailStack();

  it("the reconciler's sweep lapses a waitlisted request once its start date has passed, and tells the PM", async () => {
    const { f, lineManager, host, worker, sink } = stack;
    const start = futureMonday(102);
    const team = await f.team(host, { capacity: 1 });
    await f.booked(await f.pm(lineManager), lineManager, host, team.id, start);
    const pm = await f.pm(lineManager);
    const waiting = await released(f, pm, lineManager, team.id, start);
    await waitlist(f, host, waiting.id);

    await worker.context.get(OfferLapseJob).sweep();
    expect(await statuses([waiting.id])).toEqual({ [waiting.id]: 'waitlisted' });
    controlClock(worker.context, new Date(`${addDays(start, 1)}T12:00:00Z`));
    await worker.context.get(OfferLapseJob).sweep();
    expect(await statuses([waiting.id])).toEqual({ [waiting.id]: 'lapsed' });
    await sink.waitFor(() => sink.to(pm.user.email).some((m) => m.subject?.includes('the dates have begun')));
  });
});

describe('waitlist: what else frees a place, and the PM walking away', () => {
  const stack = useMailStack();
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let t: TestApp;

  beforeAll(() => {
    ({ f, lineManager, host, t } = stack);
  });

  async function lineOfTwo(start: string, capacity = 1) {
    const team = await f.team(host, { capacity });
    for (let i = 0; i < capacity; i++) await f.booked(await f.pm(lineManager), lineManager, host, team.id, start);
    const pms = [await f.pm(lineManager), await f.pm(lineManager)];
    const requests: RotationRequest[] = [];
    for (const pm of pms) {
      const r = await released(f, pm, lineManager, team.id, start);
      await waitlist(f, host, r.id);
      requests.push(r);
    }
    return { team, pms, requests };
  }

  it('raising capacity offers the new place; a PM who declines passes it on; withdrawing an offer passes it on', async () => {
    const { team, pms, requests } = await lineOfTwo(futureMonday(84));
    const [b, c] = requests as [RotationRequest, RotationRequest];
    const [pmB, pmC] = pms as [Actor, Actor];
    const raised = await call(t.url, 'PATCH', `/api/teams/${team.id}`, { token: f.admin.token, body: { capacity: 2 } });
    expect(raised.status).toBe(200);
    expect(await statuses([b.id, c.id])).toEqual({ [b.id]: 'offered', [c.id]: 'waitlisted' });
    // Lowering capacity below what placements and holds take is refused while the offer is out.
    const lowered = await call(t.url, 'PATCH', `/api/teams/${team.id}`, {
      token: f.admin.token,
      body: { capacity: 1 },
    });
    expect(lowered.status).toBe(409);

    const declined = await post(f, pmB, `/api/rotation-requests/${b.id}/decline-offer`);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'withdrawn' });
    expect(await statuses([c.id])).toEqual({ [c.id]: 'offered' });
    const withdrawn = await post(f, pmC, `/api/rotation-requests/${c.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(await teamLine(f, host, team.id)).toMatchObject({ items: [] });
  });

  it('lifting a blackout offers the days it opens; the host may take a waitlisted request out of line', async () => {
    const start = futureMonday(90);
    const team = await f.team(host, { capacity: 1 });
    const [pmB, pmC] = [await f.pm(lineManager), await f.pm(lineManager)];
    const b = await released(f, pmB, lineManager, team.id, start);
    const c = await released(f, pmC, lineManager, team.id, addDays(start, 14));
    // The team blacks out days of both requests after they were released: neither can be approved now.
    const blackout = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
      token: f.admin.token,
      body: { teamId: team.id, startsOn: addDays(start, 10), endsOn: addDays(start, 17), reason: 'Offsite' },
    });
    expect(blackout.status).toBe(201);
    expect((await f.approve(host, b.id)).body).toMatchObject({ code: 'BLACKOUT' });
    await waitlist(f, host, b.id);
    await waitlist(f, host, c.id);
    const removed = await call(t.url, 'POST', `/api/rotation-requests/${c.id}/reject`, {
      token: host.token,
      body: { comment: 'We will plan this for spring instead.', step: 'host' },
    });
    expect(removed.status).toBe(200);
    expect(await statuses([b.id, c.id])).toEqual({ [b.id]: 'waitlisted', [c.id]: 'rejected' });

    const lifted = await call(t.url, 'DELETE', `/api/blackouts/${blackout.body.id}`, { token: f.admin.token });
    expect(lifted.status).toBe(204);
    expect(await statuses([b.id])).toEqual({ [b.id]: 'offered' });
  });

  it('a request that can book now, or that breaks a rule waiting cannot cure, is not waitlisted', async () => {
    const start = futureMonday(96);
    const team = await f.team(host, { capacity: 1 });
    const pm = await f.pm(lineManager);
    const r = await released(f, pm, lineManager, team.id, start);
    const roomy = await post(f, host, `/api/rotation-requests/${r.id}/waitlist`);
    expect(roomy.status).toBe(409);
    expect(roomy.body).toMatchObject({ code: 'INVALID_STATE', details: { ok: true } });
    expect(String(roomy.body['message'])).toContain('approve');
    const pending = await f.request(await f.pm(lineManager), team.id, start);
    const early = await post(f, host, `/api/rotation-requests/${pending.id}/waitlist`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ details: { status: 'pending_manager' } });
  });
});
