import { DailyDigestJob, ReconcileJob } from '@stint/api-maintenance';
import type { NotificationRecord, Page, Placement } from '@stint/contracts';
import type { ParsedMail } from 'mailparser';
import { sql } from './support/sql';
import Redis from 'ioredis';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { invites, SmtpSink } from './support/smtp-sink';
import { ownStore } from './support/own-store';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock, startTestWorker } from './support/worker';

const HOUR = 3_600_000;

function subjects(mails: ParsedMail[]): string[] {
  return mails.map((m) => m.subject ?? '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('emails, invites and reminders (real SMTP, Redis and worker)', () => {
  // A database and queue prefix of its own: this suite runs a worker (support/own-store.ts).
  const store = ownStore('reminders');
  let sink: SmtpSink;
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, ...(await store.open()) });
    worker = await startTestWorker(t.config);
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
    // Several tests book with the clock moved to a day before the start, to see reminders fire; the lead time a
    // newly chosen start needs (booking-rules.integration-spec.ts) would refuse that, so it is off in this suite's
    // own database.
    await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { minLeadDays: 0 } });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
    await store.close();
  });

  it('booking emails the PM and both managers, with the placement and every check-in as calendar invites', async () => {
    const team = await f.team(host, { capacity: 2, timezone: 'Europe/Berlin', holidayCountry: 'DE' });
    const pm = await f.pm(lineManager, 'Europe/Berlin');
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(3), 2);
    const placementId = String(booked.placementId);

    await sink.waitFor(() =>
      [pm, lineManager, host].every((a) => subjects(sink.to(a.user.email)).some((s) => s.startsWith('Booked:'))),
    );
    const mail = sink.to(pm.user.email).find((m) => m.subject?.startsWith('Booked:'));
    if (!mail) throw new Error('no booked email');
    const ics = invites(mail);
    // The placement and W + 3 = 5 check-ins (the line manager’s pulse among them).
    expect(ics).toHaveLength(6);
    expect(ics[0]).toContain('METHOD:REQUEST');
    expect(ics[0]).toContain(`UID:placement-${placementId}@stint`);
    expect(ics[0]).toContain('SEQUENCE:0');
    expect(ics[0]).toContain(`DTSTART;VALUE=DATE:${booked.startDate.replace(/-/g, '')}`);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${placementId}`, { token: pm.token });
    expect(placement.body.checkIns.map((c) => c.kind)).toEqual(['kickoff', 'midpoint', 'final', 'follow_up', 'pulse']);
    for (const checkIn of placement.body.checkIns)
      expect(ics.some((i) => i.includes(`UID:checkin-${checkIn.id}@stint`))).toBe(true);
    expect(mail.text).toContain(`${t.config.appUrl}/placements/${placementId}`);

    // The line manager was asked first, with a link to the approval screen.
    const asked = sink.to(lineManager.user.email).find((m) => m.text?.includes(`/approvals/${booked.id}`));
    expect(asked?.subject).toMatch(/asks to join/);

    const log = await call<Page<NotificationRecord>>(t.url, 'GET', `/api/notifications?kind=booked&pageSize=200`, {
      token: f.admin.token,
    });
    const mine = log.body.items.filter((n) => n.dedupeKey.startsWith(`booked:${placementId}:`));
    expect(mine).toHaveLength(3);
    await sink.waitFor(() => true);
    for (const n of mine) expect(['pending', 'sent']).toContain(n.status);
  });

  it('rescheduling sends updated invites (same UID, higher SEQUENCE); cancelling sends METHOD:CANCEL', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(6), 2);
    const placementId = String(booked.placementId);
    const before = await call<Placement>(t.url, 'GET', `/api/placements/${placementId}`, { token: pm.token });

    const moved = await call<Placement>(t.url, 'POST', `/api/placements/${placementId}/reschedule`, {
      token: host.token,
      body: { startDate: futureMonday(8) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.checkIns.map((c) => c.id).sort()).toEqual(before.body.checkIns.map((c) => c.id).sort());
    expect(moved.body.checkIns[0]?.scheduledAt).not.toBe(before.body.checkIns[0]?.scheduledAt);

    await sink.waitFor(() => sink.to(pm.user.email).some((m) => m.subject?.startsWith('Moved:')));
    const update = invites(sink.to(pm.user.email).find((m) => m.subject?.startsWith('Moved:')) as ParsedMail);
    expect(update[0]).toContain(`UID:placement-${placementId}@stint`);
    expect(update[0]).toContain('SEQUENCE:1');
    expect(update[0]).toContain('METHOD:REQUEST');
    expect(update.slice(1).every((i) => /SEQUENCE:1/.test(i))).toBe(true);

    const cancelled = await call<Placement>(t.url, 'POST', `/api/placements/${placementId}/cancel`, {
      token: host.token,
      body: { reason: 'Team re-org' },
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.checkIns.every((c) => c.status === 'cancelled')).toBe(true);
    await sink.waitFor(() => sink.to(pm.user.email).some((m) => m.subject?.startsWith('Cancelled:')));
    const cancel = invites(sink.to(pm.user.email).find((m) => m.subject?.startsWith('Cancelled:')) as ParsedMail);
    expect(cancel[0]).toContain('METHOD:CANCEL');
    expect(cancel[0]).toContain('STATUS:CANCELLED');
    expect(cancel[0]).toContain('SEQUENCE:2');
  });

  it('a check-in reminder goes out lead hours ahead, once, to the PM and the host manager', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const start = futureMonday(10);
    const kickoff = new Date(`${start}T10:00:00.000Z`);
    // "Now" is 24 h (the lead) and 2 s before the kickoff: its reminder is due in 2 s. The API and the worker share the time.
    controlClock(t.app, new Date(kickoff.getTime() - 24 * HOUR - 2000));
    controlClock(worker.context, new Date(kickoff.getTime() - 24 * HOUR - 2000));
    await f.booked(pm, lineManager, host, team.id, start, 1);

    await sink.waitFor(
      () =>
        sink.to(pm.user.email).some((m) => m.subject?.startsWith('Coming up: Kickoff')) &&
        sink.to(host.user.email).some((m) => m.subject?.includes(pm.user.name)),
    );
    await sleep(1500);
    expect(sink.to(pm.user.email).filter((m) => m.subject?.startsWith('Coming up: Kickoff'))).toHaveLength(1);
    expect(
      sink
        .to(host.user.email)
        .filter((m) => m.subject?.startsWith('Coming up: Kickoff') && m.subject.includes(pm.user.name)),
    ).toHaveLength(1);
    const reminder = sink.to(pm.user.email).find((m) => m.subject?.startsWith('Coming up: Kickoff'));
    expect(reminder?.text).toMatch(/\/check-ins\/[0-9a-f-]{36}/);
  });

  it('an open check-in turns overdue and escalates to the PM and line manager; a completed one does not', async () => {
    const policy = await call<Record<string, number>>(t.url, 'GET', '/api/policy', { token: f.admin.token });
    await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { overdueAfterHours: 0 } });
    try {
      const team = await f.team(host, { capacity: 2 });
      const late = await f.pm(lineManager);
      const diligent = await f.pm(lineManager);
      const start = futureMonday(14);
      const kickoff = new Date(`${start}T10:00:00.000Z`);
      const clock = controlClock(t.app, new Date(kickoff.getTime() - 3000));
      controlClock(worker.context, new Date(kickoff.getTime() - 3000));
      const a = await f.booked(late, lineManager, host, team.id, start, 1);
      const b = await f.booked(diligent, lineManager, host, team.id, start, 1);
      const done = await call<Placement>(t.url, 'GET', `/api/placements/${b.placementId}`, { token: diligent.token });
      const completed = await call(t.url, 'POST', `/api/check-ins/${done.body.checkIns[0]?.id}/complete`, {
        token: diligent.token,
        body: { ratings: { negotiation: 3, closing: 2, persistence: 4 }, notes: 'Shadowed two calls.' },
      });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({
        status: 'completed',
        ratings: { negotiation: 3, closing: 2, persistence: 4 },
      });

      await sink.waitFor(() => sink.to(late.user.email).some((m) => m.subject?.startsWith('Overdue: Kickoff')));
      await sink.waitFor(() =>
        sink
          .to(lineManager.user.email)
          .some((m) => m.subject?.startsWith('Overdue: Kickoff') && m.subject.includes(late.user.name)),
      );
      await sleep(1500);
      expect(sink.to(diligent.user.email).filter((m) => m.subject?.startsWith('Overdue'))).toHaveLength(0);
      expect(
        sink
          .to(lineManager.user.email)
          .filter((m) => m.subject?.startsWith('Overdue') && m.subject.includes(diligent.user.name)),
      ).toHaveLength(0);

      // Read through the API once the moment has passed, the status is overdue, without any worker involved.
      clock.set(new Date(kickoff.getTime() + 60_000));
      const overdue = await call<Placement>(t.url, 'GET', `/api/placements/${a.placementId}`, { token: late.token });
      expect(overdue.body.checkIns[0]?.status).toBe('overdue');
      const again = await call(t.url, 'POST', `/api/check-ins/${done.body.checkIns[0]?.id}/complete`, {
        token: diligent.token,
        body: { ratings: { negotiation: 3, closing: 2, persistence: 4 }, notes: 'Twice?' },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'INVALID_STATE' });
    } finally {
      await call(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { overdueAfterHours: policy.body['overdueAfterHours'] },
      });
    }
  });

  it('while SMTP refuses, emails are retried and each is delivered exactly once when it recovers', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    sink.refuseNext(4);
    const refusedBefore = sink.refused;
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(18), 1);
    const keys = [
      `booked:${booked.placementId}:${pm.user.id}`,
      `booked:${booked.placementId}:${lineManager.user.id}`,
      `booked:${booked.placementId}:${host.user.id}`,
    ];
    await sink.waitFor(() => sink.refused - refusedBefore >= 4, 20_000);
    await sink.waitFor(
      () =>
        [pm, lineManager, host].every((a) =>
          sink.to(a.user.email).some((m) => m.subject?.startsWith('Booked:') && m.subject.includes(pm.user.name)),
        ),
      40_000,
    );
    await sleep(1000);
    const rows = await sql<{ dedupe_key: string; status: string; attempts: number; message_id: string }>(
      `SELECT dedupe_key, status, attempts, message_id FROM notifications WHERE dedupe_key = ANY($1)`,
      [keys],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.status).toBe('sent');
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    for (const row of rows) {
      expect(sink.messages.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
    }
  }, 60_000);

  it('after Redis loses every key, the reconciler restores pending reminders and nothing is sent twice', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const start = futureMonday(22);
    const kickoff = new Date(`${start}T10:00:00.000Z`);
    const now = new Date(kickoff.getTime() - 24 * HOUR - 4000);
    controlClock(t.app, now);
    controlClock(worker.context, now);
    await f.booked(pm, lineManager, host, team.id, start, 1);

    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.queuePrefix}:reminders:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();

    const summary = await worker.context.get(ReconcileJob).run();
    // A day before the start, the kickoff's reminder is the placement's one job within the 48-hour horizon.
    expect(summary.scheduled).toBeGreaterThanOrEqual(1);
    expect(summary.added).toBeGreaterThanOrEqual(1);
    await sink.waitFor(() => sink.to(pm.user.email).some((m) => m.subject?.startsWith('Coming up: Kickoff')), 20_000);
    // Reconciling again changes nothing: ids are deterministic.
    await worker.context.get(ReconcileJob).run();
    await sleep(2000);
    expect(sink.to(pm.user.email).filter((m) => m.subject?.startsWith('Coming up: Kickoff'))).toHaveLength(1);
  });

  it('two workers and 200 due reminders: exactly 200 emails', async () => {
    const second = await startTestWorker(t.config);
    try {
      const team = await f.team(host, { capacity: 2 });
      const pm = await f.pm(lineManager);
      const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(26), 1);
      // 100 extra check-ins an hour ahead: each reminds the PM and the host manager, at once (the lead time has passed).
      const soon = new Date(Date.now() + HOUR);
      await sql(
        `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at)
         SELECT $1, 'weekly', $2::date, $3::timestamptz + make_interval(secs => g) FROM generate_series(1, 100) AS g`,
        [booked.placementId, soon.toISOString().slice(0, 10), soon.toISOString()],
      );
      const [a, b] = [worker.context.get(ReconcileJob), second.context.get(ReconcileJob)];
      await Promise.all([a.run(), b.run()]);
      const isReminder = (m: ParsedMail) =>
        (m.subject ?? '').startsWith('Coming up: Weekly check-in') && (m.subject ?? '').includes(pm.user.name);
      await sink.waitFor(() => sink.messages.filter(isReminder).length >= 200, 60_000);
      await sleep(2000);
      const reminders = sink.messages.filter(isReminder);
      expect(reminders).toHaveLength(200);
      expect(new Set(reminders.map((m) => m.messageId)).size).toBe(200);
    } finally {
      await second.close();
    }
  }, 90_000);

  it('the daily digest goes to a manager at 08:00 their time, once a day, only when there is something in it', async () => {
    const berlin = await f.user('manager', { timezone: 'Europe/Berlin' });
    const idle = await f.user('manager', { timezone: 'Europe/Berlin' });
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(berlin);
    await f.request(pm, team.id, futureMonday(30), 1);
    // 07:30 UTC on a winter day is 08:30 in Berlin.
    controlClock(worker.context, new Date('2027-01-12T07:30:00.000Z'));
    const digest = worker.context.get(DailyDigestJob);
    await digest.run();
    await digest.run();
    const rows = await sql<{ recipient: string; subject: string }>(
      `SELECT recipient, subject FROM notifications WHERE kind = 'digest' AND recipient = ANY($1)`,
      [[berlin.user.email, idle.user.email]],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.recipient).toBe(berlin.user.email);
    expect(rows[0]?.subject).toMatch(/1 to decide/);
  });
});
