import { CheckInJobsService } from '@stint/api-checkins';
import { QueueName, QueueService } from '@stint/api-jobs';
import { OutboxSweeper } from '@stint/api-notifications';
import { Watchdog } from '@stint/api-worker';
import type { FailedJob, JobRun, NotificationRecord, Page, Placement, QueueMonitor } from '@stint/contracts';
import Redis from 'ioredis';
import { sql } from './support/sql';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock, startTestWorker } from './support/worker';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Emails recorded straight into the outbox, as a burst of business events would (no send job queued). */
async function recordEmails(
  tag: string,
  count: number,
  recipient = (i: number) => `${tag}-${i}@test.stint`,
): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await sql(
      `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key) VALUES ('digest', $1, $2, 'body', '<p>body</p>', $3)`,
      [recipient(i), `${tag} #${i}`, `${tag}:${i}`],
    );
  }
}

interface Row {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  claimed_until: Date | null;
  last_error: string | null;
}
const rowsOf = (tag: string) =>
  sql<Row>(
    `SELECT id, status, attempts, next_attempt_at, claimed_until, last_error FROM notifications WHERE dedupe_key LIKE $1`,
    [`${tag}:%`],
  );

describe('durable delivery (real SMTP, Redis, PostgreSQL and worker; injected clock)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url });
    worker = await startTestWorker(t.config);
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    sink.refuseFor(0);
    sink.rejectRecipients(null);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('a 6-hour SMTP outage: every email stays pending, retried at most 5 minutes apart, then is delivered exactly once', async () => {
    const tag = `outage6h-${Date.now()}`;
    const start = new Date('2027-03-01T08:00:00.000Z');
    const clock = controlClock(worker.context, start);
    const sweeper = worker.context.get(OutboxSweeper);
    sink.refuseFor(HOUR); // real time; lifted below when the simulated six hours are over
    await recordEmails(tag, 5);

    const attemptTimes: number[] = [];
    // Drive simulated time: let each due attempt run, then jump to the next attempt's moment.
    while (clock.now().getTime() - start.getTime() < 6 * HOUR) {
      await sweeper.sweep();
      await until(
        async () =>
          (await rowsOf(tag)).every(
            (r) => r.claimed_until === null && r.next_attempt_at !== null && new Date(r.next_attempt_at) > clock.now(),
          ),
        'every due attempt to finish',
      );
      const rows = await rowsOf(tag);
      expect(rows.every((r) => r.status === 'pending' && /451/.test(r.last_error ?? ''))).toBe(true);
      const next = Math.min(...rows.map((r) => new Date(r.next_attempt_at as Date).getTime()));
      expect(next - clock.now().getTime()).toBeLessThanOrEqual(5 * MINUTE);
      attemptTimes.push(clock.now().getTime());
      clock.set(new Date(next));
    }
    // The server is back. The next attempt is at most 5 minutes away.
    sink.refuseFor(0);
    const backAt = clock.now().getTime();
    const rows = await rowsOf(tag);
    const next = Math.max(...rows.map((r) => new Date(r.next_attempt_at as Date).getTime()));
    expect(next - backAt).toBeLessThanOrEqual(5 * MINUTE);
    clock.set(new Date(next));
    await sweeper.sweep();
    await until(async () => (await rowsOf(tag)).every((r) => r.status === 'sent'), 'delivery after the outage');

    const delivered = sink.messages.filter((m) => (m.subject ?? '').startsWith(`${tag} #`));
    expect(delivered).toHaveLength(5);
    expect(new Set(delivered.map((m) => m.messageId)).size).toBe(5);
    const final = await rowsOf(tag);
    // 6 hours at up to 5 minutes apart: far more attempts than the old 8, none lost, none failed.
    expect(Math.min(...final.map((r) => r.attempts))).toBeGreaterThan(70);
    expect(attemptTimes.length).toBeGreaterThan(70);
  }, 180_000);

  it('a permanent refusal (550) fails at once with the reply recorded; admins retry one or all failed emails', async () => {
    const tag = `bounce-${Date.now()}`;
    sink.rejectRecipients(new RegExp(`^${tag}-`));
    await recordEmails(tag, 3);
    await worker.context.get(OutboxSweeper).sweep();
    await until(async () => (await rowsOf(tag)).every((r) => r.status === 'failed'), 'the permanent failures');
    const failed = await rowsOf(tag);
    expect(failed.every((r) => r.attempts === 1 && /550/.test(r.last_error ?? ''))).toBe(true);

    const log = await call<Page<NotificationRecord>>(
      t.url,
      'GET',
      `/api/notifications?status=failed&recipient=${tag}&pageSize=10`,
      { token: f.admin.token },
    );
    expect(log.body.items).toHaveLength(3);
    expect(log.body.items.every((n) => n.permanentFailure && n.nextAttemptAt === null)).toBe(true);

    // The address is fixed on the mail server's side; the admin retries one, then all the others.
    sink.rejectRecipients(null);
    const one = failed[0] as Row;
    const retried = await call<NotificationRecord>(t.url, 'POST', `/api/notifications/${one.id}/retry`, {
      token: f.admin.token,
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: one.id, status: 'pending', permanentFailure: false });
    await until(async () => (await rowsOf(tag)).filter((r) => r.status === 'sent').length === 1, 'the retried email');

    const again = await call(t.url, 'POST', `/api/notifications/${one.id}/retry`, { token: f.admin.token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE' });
    const missing = await call(t.url, 'POST', `/api/notifications/00000000-0000-4000-8000-000000000000/retry`, {
      token: f.admin.token,
    });
    expect(missing.status).toBe(404);
    const asManager = await call(t.url, 'POST', `/api/notifications/retry-failed`, { token: host.token });
    expect(asManager.status).toBe(403);

    const all = await call<{ retried: number }>(t.url, 'POST', '/api/notifications/retry-failed', {
      token: f.admin.token,
    });
    expect(all.status).toBe(200);
    expect(all.body.retried).toBeGreaterThanOrEqual(2);
    await until(async () => (await rowsOf(tag)).every((r) => r.status === 'sent'), 'all retried emails');
    expect(sink.messages.filter((m) => (m.subject ?? '').startsWith(`${tag} #`))).toHaveLength(3);
    const audit = await call<Page<{ action: string }>>(
      t.url,
      'GET',
      `/api/audit?entityType=notification&entityId=${one.id}`,
      { token: f.admin.token },
    );
    expect(audit.body.items.map((a) => a.action)).toContain('notification.retried');
  }, 60_000);

  it('Redis emptied while every process runs: the watchdog restores the schedulers and the reconciler every owed job', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(40), 2);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const checkInIds = placement.body.checkIns.map((c) => c.id);
    const queues = worker.context.get(QueueService);
    const jobsFor = async () =>
      [...(await queues.jobIdsIn(QueueName.Reminders, ['delayed', 'waiting']))].filter((id) =>
        checkInIds.some((c) => id.includes(c)),
      );
    await until(
      async () => (await jobsFor()).length === checkInIds.length * 2,
      'the reminder and overdue jobs of every check-in',
    );

    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.queuePrefix}:*`);
    await redis.del(...keys);
    expect(await jobsFor()).toHaveLength(0);
    expect(await queues.schedulers()).toHaveLength(0);
    redis.disconnect();

    const report = await worker.context.get(Watchdog).check();
    expect(report?.dataLost).toBe(true);
    expect(report?.restoredSchedulers.sort()).toEqual(['daily-digest', 'heartbeat', 'reconcile']);
    expect((await queues.schedulers()).map((s) => s.key).sort()).toEqual(['daily-digest', 'heartbeat', 'reconcile']);
    // The reconcile the watchdog queued puts back every job PostgreSQL implies.
    await until(async () => (await jobsFor()).length === checkInIds.length * 2, 'the jobs rebuilt from PostgreSQL');
    // A second check finds nothing missing.
    expect(await worker.context.get(Watchdog).check()).toMatchObject({ dataLost: false, restoredSchedulers: [] });
  }, 60_000);

  it('saving the policy moves the scheduled reminders and overdue jobs to the new moments', async () => {
    const before = await call<Record<string, number>>(t.url, 'GET', '/api/policy', { token: f.admin.token });
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(44), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const kickoff = placement.body.checkIns[0];
    if (!kickoff) throw new Error('no kickoff');
    const at = new Date(kickoff.scheduledAt).getTime();
    const queues = worker.context.get(QueueService);
    const reminderIds = async () =>
      [...(await queues.jobIdsIn(QueueName.Reminders, ['delayed']))].filter((id) => id.includes(kickoff.id));
    const lead = Number(before.body['reminderLeadHours']);
    const overdue = Number(before.body['overdueAfterHours']);
    await until(
      async () => (await reminderIds()).includes(`checkin-reminder-${kickoff.id}-${at}-${at - lead * HOUR}`),
      'the reminder at the old lead',
    );
    try {
      const saved = await call(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { reminderLeadHours: lead + 24, overdueAfterHours: overdue + 24 },
      });
      expect(saved.status).toBe(200);
      await until(async () => {
        const ids = await reminderIds();
        return (
          ids.includes(`checkin-reminder-${kickoff.id}-${at}-${at - (lead + 24) * HOUR}`) &&
          ids.includes(`checkin-overdue-${kickoff.id}-${at}-${at + (overdue + 24) * HOUR}`) &&
          ids.length === 2
        );
      }, 'the jobs at the new moments, and the old ones gone');
    } finally {
      await call(t.url, 'PUT', '/api/policy', {
        token: f.admin.token,
        body: { reminderLeadHours: lead, overdueAfterHours: overdue },
      });
    }
  }, 60_000);

  it('after a worker was down for days: the late overdue escalation and approval escalation go out once, the missed reminder and superseded nudges are recorded as skipped', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const waiting = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(48), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const kickoff = placement.body.checkIns[0];
    if (!kickoff) throw new Error('no kickoff');
    const request = await f.request(waiting, team.id, futureMonday(52), 1);
    const policy = await call<Record<string, number>>(t.url, 'GET', '/api/policy', { token: f.admin.token });
    const overdueAt = new Date(kickoff.scheduledAt).getTime() + Number(policy.body['overdueAfterHours']) * HOUR;
    const [since] = await sql<{ pending_since: Date }>(`SELECT pending_since FROM rotation_requests WHERE id = $1`, [
      request.id,
    ]);
    const pendingSince = new Date((since as { pending_since: Date }).pending_since).getTime();

    // The worker comes back a day after the overdue moment; the request has waited for 4 days by then too.
    controlClock(worker.context, new Date(Math.max(overdueAt + 24 * HOUR, pendingSince + 96 * HOUR)));
    const jobs = worker.context.get(CheckInJobsService);
    await jobs.reconcile();
    const overdueMail = () => sink.to(pm.user.email).filter((m) => (m.subject ?? '').startsWith('Overdue: Kickoff'));
    const escalations = () =>
      sink.messages.filter(
        (m) => (m.subject ?? '').startsWith('Escalation:') && (m.subject ?? '').includes(waiting.user.name),
      );
    await sink.waitFor(() => overdueMail().length === 1 && escalations().length >= 1, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    const escalated = escalations().length;
    // Reconciling again sends nothing twice: the ledger says these are done.
    await jobs.reconcile();
    await new Promise((r) => setTimeout(r, 1500));
    expect(overdueMail()).toHaveLength(1);
    expect(escalations()).toHaveLength(escalated);
    expect(sink.to(pm.user.email).filter((m) => (m.subject ?? '').startsWith('Coming up: Kickoff'))).toHaveLength(0);
    expect(
      sink
        .to(lineManager.user.email)
        .filter((m) => (m.subject ?? '').startsWith('Reminder:') && (m.subject ?? '').includes(waiting.user.name)),
    ).toHaveLength(0);

    const skipped = await call<Page<JobRun>>(t.url, 'GET', '/api/admin/job-runs?outcome=skipped&pageSize=200', {
      token: f.admin.token,
    });
    expect(skipped.status).toBe(200);
    const reminderSkip = skipped.body.items.find((r) => r.subjectId === kickoff.id && r.kind === 'checkin_reminder');
    expect(reminderSkip?.reason).toMatch(/began at .* before its reminder could go out/);
    expect(skipped.body.items.filter((r) => r.subjectId === request.id).map((r) => r.reason)).toEqual([
      expect.stringMatching(/later step \(72 h\)/),
      expect.stringMatching(/later step \(72 h\)/),
    ]);
    const sent = await call<Page<JobRun>>(
      t.url,
      'GET',
      '/api/admin/job-runs?outcome=sent&kind=checkin_overdue&pageSize=200',
      { token: f.admin.token },
    );
    const late = sent.body.items.find((r) => r.subjectId === kickoff.id);
    expect(late?.latenessMs).toBeGreaterThanOrEqual(24 * HOUR);
    const bad = await call(t.url, 'GET', '/api/admin/job-runs?outcome=maybe', { token: f.admin.token });
    expect(bad.status).toBe(400);
  }, 60_000);

  it('the queue monitor, failed jobs and worker metrics are visible to admins through the API process', async () => {
    await worker.context.get(Watchdog).check();
    const monitor = await call<QueueMonitor>(t.url, 'GET', '/api/admin/queues', { token: f.admin.token });
    expect(monitor.status).toBe(200);
    expect(monitor.body.worker.status).toBe('up');
    expect(monitor.body.queues.map((q) => q.name).sort()).toEqual(['email', 'maintenance', 'reminders']);
    expect(monitor.body.schedulers.map((s) => s.key).sort()).toEqual(['daily-digest', 'heartbeat', 'reconcile']);
    expect((await call(t.url, 'GET', '/api/admin/queues', { token: host.token })).status).toBe(403);

    const failed = await call<Page<FailedJob>>(t.url, 'GET', '/api/admin/queues/email/failed?pageSize=5', {
      token: f.admin.token,
    });
    expect(failed.status).toBe(200);
    expect(Array.isArray(failed.body.items)).toBe(true);
    expect((await call(t.url, 'GET', '/api/admin/queues/nope/failed', { token: f.admin.token })).status).toBe(404);
    expect(
      (await call(t.url, 'POST', '/api/admin/queues/email/jobs/no-such-job/retry', { token: f.admin.token })).status,
    ).toBe(404);

    const metrics = await fetch(`${t.url}/api/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/stint_emails_total\{outcome="sent"\} [1-9]/);
    expect(metrics).toMatch(/stint_jobs_total\{name="send-email",outcome="completed"\} [1-9]/);
    expect(metrics).toMatch(/stint_reminder_lateness_seconds_count\{kind="checkin_overdue"\} [1-9]/);
  });
});
