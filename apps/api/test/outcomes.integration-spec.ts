import { ReconcileJob } from '@stint/api-maintenance';
import { CheckInReminderJob } from '@stint/api-checkins';
import type { CheckIn, OutcomesReport, Page, Placement, ProgrammePolicy, RotationOutcome } from '@stint/contracts';
import { addDays } from '@stint/shared-dates';
import Redis from 'ioredis';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { ownStore } from './support/own-store';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock, startTestWorker } from './support/worker';

/**
 * Issue 15: three viewpoints on what a rotation taught. The PM rates
 * themselves at kickoff and at the final, the host assesses at the final, and
 * the line manager gives a pulse after return; the outcomes report compares
 * lengths.
 */
const core = { negotiation: 2, closing: 2, persistence: 3 };
type ErrorBody = { code: string; message: string; details: Record<string, unknown> };

describe('outcomes: the host’s assessment, the line manager’s pulse, goals revisited and the outcomes report', () => {
  // A database and queue prefix of its own: this suite runs a worker (support/own-store.ts).
  const store = ownStore('outcomes');
  let sink: SmtpSink;
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let pm: Actor;
  let teamId: string;
  let placement: Placement;
  const byKind = (kind: string): CheckIn => {
    const found = placement.checkIns.find((c) => c.kind === kind);
    if (!found) throw new Error(`no ${kind} check-in`);
    return found;
  };
  /** Puts the API's "now" at noon UTC on the check-in's day, when it is open. */
  const onTheDay = (c: CheckIn) => controlClock(t.app, new Date(`${c.opensOn}T12:00:00Z`));

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, ...(await store.open()) });
    worker = await startTestWorker(t.config);
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
    pm = await f.pm(lineManager);
    teamId = (await f.team(host, { capacity: 2, region: `Outcomes ${Date.now()}` })).id;
    const booked = await f.booked(pm, lineManager, host, teamId, futureMonday(40), 1);
    placement = (
      await call<Placement>(t.url, 'GET', `/api/placements/${(booked as { placementId?: string }).placementId}`, {
        token: pm.token,
      })
    ).body;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
    await store.close();
  });

  it('every booking gets a pulse 60 days after the end, on a business day, owned by the line manager, with reminders', async () => {
    const pulse = byKind('pulse');
    // A 1-week stint from Monday S ends on Sunday S + 6; 60 days later is Thursday S + 66, at the policy's 10:00 (UTC PM).
    expect(pulse.opensOn).toBe(addDays(placement.startDate, 66));
    expect(pulse.scheduledAt).toBe(`${addDays(placement.startDate, 66)}T10:00:00.000Z`);
    expect(pulse.owner).toBe('line_manager');
    expect(byKind('final').owner).toBe('pm');
    expect(placement.checkIns.at(-1)?.kind).toBe('pulse');

    // Its reminder and overdue jobs are scheduled like every other check-in's: in PostgreSQL, and in Redis once due
    // within 48 hours. 30 hours before the pulse, its reminder (24 hours ahead) is within reach, the escalation
    // (48 hours after) not yet.
    const jobKeys = async () => {
      const redis = new Redis(t.config.redisUrl);
      try {
        return await redis.keys(`${t.config.queuePrefix}:reminders:checkin-*-${pulse.id}-*`);
      } finally {
        redis.disconnect();
      }
    };
    expect(await jobKeys()).toEqual([]);
    controlClock(worker.context, new Date(new Date(pulse.scheduledAt).getTime() - 30 * 3_600_000));
    await worker.context.get(ReconcileJob).run();
    const keys = await jobKeys();
    expect(keys.some((k) => k.includes('checkin-reminder-'))).toBe(true);
    expect(keys.some((k) => k.includes('checkin-overdue-'))).toBe(false);

    // The reminder goes to the line manager alone, with a link to the one-screen form.
    controlClock(worker.context, new Date(new Date(pulse.scheduledAt).getTime() - 24 * 3_600_000));
    await worker.context.get(CheckInReminderJob).run({ checkInId: pulse.id, scheduledAt: pulse.scheduledAt });
    await sink.waitFor(() => sink.to(lineManager.user.email).some((m) => m.subject?.startsWith('Pulse:')));
    const mail = sink.to(lineManager.user.email).find((m) => m.subject?.startsWith('Pulse:'));
    expect(mail?.text).toContain(`${t.config.appUrl}/check-ins/${pulse.id}`);
    expect(mail?.text).toContain('Give the pulse');
    expect(sink.to(pm.user.email).filter((m) => m.subject?.startsWith('Pulse:'))).toHaveLength(0);
    expect(sink.to(host.user.email).filter((m) => m.subject?.startsWith('Pulse:'))).toHaveLength(0);
  });

  it('only the host assesses, only on the final check-in, from its day, and only once', async () => {
    const final = byKind('final');
    const assess = (actor: Actor, id = final.id, body: unknown = { ratings: core, notes: 'Led a pricing call.' }) =>
      call<ErrorBody & CheckIn>(t.url, 'POST', `/api/check-ins/${id}/assessment`, { token: actor.token, body });

    const early = await assess(host);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ opensOn: final.opensOn });

    onTheDay(final);
    for (const other of [pm, lineManager, f.admin]) expect((await assess(other)).status).toBe(403);
    const kickoff = await assess(host, byKind('kickoff').id);
    expect(kickoff.status).toBe(409);
    expect(kickoff.body.details).toMatchObject({ kind: 'kickoff' });
    const partial = await assess(host, final.id, { ratings: { negotiation: 3 }, notes: '' });
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.body.details['fields'] as object).sort()).toEqual([
      'ratings.closing',
      'ratings.persistence',
    ]);
    const unknownSkill = await assess(host, final.id, { ratings: { ...core, charm: 5 }, notes: '' });
    expect(unknownSkill.status).toBe(400);
    expect(unknownSkill.body.details['fields']).toHaveProperty(['ratings.charm']);

    const first = await assess(host);
    expect(first.status).toBe(201);
    expect(first.body.assessment).toMatchObject({ byId: host.user.id, byName: host.user.name, ratings: core });
    const second = await assess(host, final.id, { ratings: { negotiation: 5, closing: 5, persistence: 5 }, notes: '' });
    expect(second.status).toBe(409);
    // The PM sees the host's view on their check-in; the first assessment stands.
    const seen = await call<CheckIn>(t.url, 'GET', `/api/check-ins/${final.id}`, { token: pm.token });
    expect(seen.body.assessment?.ratings).toEqual(core);
  });

  it('the final reflection revisits every learning goal; other check-ins take none', async () => {
    const final = byKind('final');
    onTheDay(final);
    const complete = (id: string, body: unknown) =>
      call<ErrorBody & CheckIn>(t.url, 'POST', `/api/check-ins/${id}/complete`, { token: pm.token, body });
    const body = { ratings: { negotiation: 4, closing: 3, persistence: 4 }, notes: 'Closed one myself.' };

    const wrongGoal = await complete(final.id, { ...body, goalOutcomes: [{ goal: 'juggling', result: 'met' }] });
    expect(wrongGoal.status).toBe(400);
    expect(wrongGoal.body.details['fields']).toHaveProperty(['goalOutcomes.0.goal']);
    const badResult = await complete(final.id, { ...body, goalOutcomes: [{ goal: 'negotiation', result: 'mostly' }] });
    expect(badResult.status).toBe(400);

    const done = await complete(final.id, { ...body, goalOutcomes: [{ goal: 'negotiation', result: 'partly_met' }] });
    expect(done.status).toBe(200);
    expect(done.body.goalOutcomes).toEqual([{ goal: 'negotiation', result: 'partly_met' }]);

    const kickoff = byKind('kickoff');
    onTheDay(kickoff);
    const misplaced = await complete(kickoff.id, { ...body, goalOutcomes: [] });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.details['fields']).toHaveProperty('goalOutcomes');
    expect((await complete(kickoff.id, { ratings: core, notes: 'Day one.' })).status).toBe(200);
  });

  it('the pulse is the line manager’s alone: anyone else is refused, and it is given once', async () => {
    const pulse = byKind('pulse');
    const answer = {
      ratings: { negotiation: 4, closing: 3, persistence: 4 },
      wouldSendAgain: true,
      comment: 'Prices better.',
    };
    const give = (actor: Actor, body: unknown = answer) =>
      call<ErrorBody & CheckIn>(t.url, 'POST', `/api/check-ins/${pulse.id}/pulse`, { token: actor.token, body });

    expect((await give(lineManager)).status).toBe(409); // before its day
    onTheDay(pulse);
    for (const other of [pm, host, f.admin]) expect((await give(other)).status).toBe(403);
    const asReflection = await call<ErrorBody>(t.url, 'POST', `/api/check-ins/${pulse.id}/complete`, {
      token: pm.token,
      body: { ratings: core, notes: '' },
    });
    expect(asReflection.status).toBe(403);
    expect(asReflection.body.message).toContain('/pulse');
    const noAnswer = await give(lineManager, { ratings: answer.ratings, comment: '' });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.details['fields']).toHaveProperty('wouldSendAgain');
    const onAKickoff = await call<ErrorBody>(t.url, 'POST', `/api/check-ins/${byKind('kickoff').id}/pulse`, {
      token: lineManager.token,
      body: answer,
    });
    expect(onAKickoff.status).toBe(409);

    const given = await give(lineManager);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({
      status: 'completed',
      ratings: answer.ratings,
      wouldSendAgain: true,
      notes: 'Prices better.',
    });
    expect((await give(lineManager)).status).toBe(409);
  });

  it('the outcomes report counts the finished rotation with all three viewpoints, and says why it cannot recommend yet', async () => {
    const report = await call<OutcomesReport>(t.url, 'GET', `/api/stats/outcomes?teamId=${teamId}`, {
      token: f.admin.token,
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      skills: ['negotiation', 'closing', 'persistence'],
      finishedRotations: 1,
      runningRotations: 0,
    });
    const [oneWeek] = report.body.byDuration;
    expect(oneWeek).toMatchObject({
      durationWeeks: 1,
      rotations: 1,
      withSelf: 1,
      withHost: 1,
      withPulse: 1,
      wouldSendAgain: 1,
    });
    expect(report.body.recommendation).toBeNull();
    expect(report.body.reason).toMatch(/8/);
    // The host manager, whose check-ins are read through the manager's own index path, sees the same report.
    const asHost = await call<OutcomesReport>(t.url, 'GET', `/api/stats/outcomes?teamId=${teamId}`, {
      token: host.token,
    });
    expect(asHost.body).toEqual(report.body);

    // The same evidence per rotation, for the export: kickoff (2, 2, 3), final (4, 3, 4), host = kickoff, pulse (4, 3, 4).
    const rows = await call<Page<RotationOutcome>>(t.url, 'GET', `/api/stats/outcomes/rotations?teamId=${teamId}`, {
      token: lineManager.token,
    });
    expect(rows.status).toBe(200);
    expect(rows.body.items).toEqual([
      expect.objectContaining({
        placementId: placement.id,
        finished: true,
        kickoff: core,
        final: { negotiation: 4, closing: 3, persistence: 4 },
        host: core,
        pulse: { negotiation: 4, closing: 3, persistence: 4 },
        wouldSendAgain: true,
        goalOutcomes: [{ goal: 'negotiation', result: 'partly_met' }],
      }),
    ]);
    // Someone who cannot see the rotation gets nothing of it.
    const stranger = await f.manager();
    const hidden = await call<OutcomesReport>(t.url, 'GET', `/api/stats/outcomes?teamId=${teamId}`, {
      token: stranger.token,
    });
    expect(hidden.body.finishedRotations).toBe(0);
    // A bad filter is a 400 in the contract's shape.
    const bad = await call<ErrorBody>(t.url, 'GET', '/api/stats/outcomes?teamId=nope&from=2027-02-30', {
      token: f.admin.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('an admin may add a skill: from then on every viewpoint rates it, and the report lists it', async () => {
    const before = (await call<ProgrammePolicy>(t.url, 'GET', '/api/policy', { token: f.admin.token })).body;
    const refused = await call<ErrorBody>(t.url, 'PUT', '/api/policy', {
      token: f.admin.token,
      body: { skills: ['closing', 'customer empathy'] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details['fields']).toHaveProperty('skills');
    const skills = [...before.skills, 'customer empathy'];
    expect((await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { skills } })).status).toBe(200);
    try {
      const midpointless = byKind('follow_up');
      onTheDay(midpointless);
      const complete = (ratings: object) =>
        call<ErrorBody & CheckIn>(t.url, 'POST', `/api/check-ins/${midpointless.id}/complete`, {
          token: pm.token,
          body: { ratings, notes: 'Back at my desk.' },
        });
      const missing = await complete(core);
      expect(missing.status).toBe(400);
      expect(missing.body.details['fields']).toHaveProperty(['ratings.customer empathy']);
      const done = await complete({ ...core, 'customer empathy': 5 });
      expect(done.status).toBe(200);
      expect(done.body.ratings).toEqual({ ...core, 'customer empathy': 5 });
      const report = await call<OutcomesReport>(t.url, 'GET', `/api/stats/outcomes?teamId=${teamId}`, {
        token: f.admin.token,
      });
      expect(report.body.skills).toEqual(skills);
    } finally {
      await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { skills: before.skills } });
    }
  });

  it('the check-in list shows each check-in exactly as its own page does, for every role (issue 17: built in SQL)', async () => {
    // Feedback from two managers on the final (it already has the PM's reflection, goals and the host's assessment).
    const final = byKind('final');
    for (const [actor, text] of [
      [lineManager, 'Strong finish; keep the discovery questions.'],
      [host, 'Welcome back any time.'],
    ] as const)
      expect(
        (await call(t.url, 'POST', `/api/check-ins/${final.id}/feedback`, { token: actor.token, body: { text } }))
          .status,
      ).toBe(201);
    // Two more rotations: one untouched (upcoming now, overdue long after), one cancelled by its host.
    const [other, third] = [await f.pm(lineManager), await f.pm(lineManager)];
    const secondId = (await f.booked(other, lineManager, host, teamId, futureMonday(60), 1)).placementId ?? '';
    const thirdId = (await f.booked(third, lineManager, host, teamId, futureMonday(62), 1)).placementId ?? '';
    const cancelled = await call(t.url, 'POST', `/api/placements/${thirdId}/cancel`, {
      token: host.token,
      body: { reason: 'The team moved office.' },
    });
    expect(cancelled.status).toBe(200);
    const seen = new Set<string>();
    /** Each listed check-in is its own GET's answer to the byte (the same fields, values and key order). */
    const compare = async (cases: ReadonlyArray<readonly [string, readonly Actor[]]>) => {
      for (const [placementId, actors] of cases) {
        for (const actor of actors) {
          const list = await call<Page<CheckIn>>(
            t.url,
            'GET',
            `/api/check-ins?placementId=${placementId}&pageSize=50`,
            {
              token: actor.token,
            },
          );
          expect(list.status).toBe(200);
          expect(list.body.items.length).toBeGreaterThanOrEqual(4);
          for (const item of list.body.items) {
            const own = await call<CheckIn>(t.url, 'GET', `/api/check-ins/${item.id}`, { token: actor.token });
            expect(JSON.stringify(item)).toBe(JSON.stringify(own.body));
            seen.add(item.status);
          }
        }
      }
    };
    await compare([
      [secondId, [other, host]],
      [thirdId, [third, f.admin]],
    ]);
    // Long after them all: what is still open is overdue, on the list as on each check-in's page.
    controlClock(t.app, new Date(`${addDays(futureMonday(62), 120)}T12:00:00Z`));
    await compare([
      [placement.id, [pm, host, lineManager, f.admin]],
      [secondId, [other, host, f.admin]],
    ]);
    expect(seen).toEqual(new Set(['upcoming', 'cancelled', 'completed', 'overdue']));
    const listed = await call<Page<CheckIn>>(t.url, 'GET', `/api/check-ins?placementId=${placement.id}&pageSize=50`, {
      token: host.token,
    });
    expect(listed.body.items.map((c) => c.id)).toEqual(placement.checkIns.map((c) => c.id));
    const listedFinal = listed.body.items.find((c) => c.id === final.id);
    expect(listedFinal?.feedback.map((x) => x.byName)).toEqual([lineManager.user.name, host.user.name]);
    expect(listedFinal?.assessment?.byId).toBe(host.user.id);
    expect(listedFinal?.goalOutcomes?.length).toBeGreaterThan(0);
    expect(listed.body.items.find((c) => c.kind === 'pulse')?.wouldSendAgain).not.toBeNull();
    expect(listed.body.items.find((c) => c.kind === 'follow_up')?.ratings).toHaveProperty(['customer empathy'], 5);
  });
});
