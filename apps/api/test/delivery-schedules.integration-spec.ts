import { ReconcileJob } from '@stint/api-maintenance';
import { QueueName, QueueService } from '@stint/api-jobs';
import { Watchdog } from '@stint/api-worker';
import type { FailedJob, JobRun, Page, Placement, QueueMonitor } from '@stint/contracts';
import Redis from 'ioredis';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { TestWorker, useMailStack } from './support/mail-stack';
import { HOUR, until } from './support/outbox';
import { SmtpSink } from './support/smtp-sink';
import { sql } from './support/sql';
import { call, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

/*
 * Durable delivery of scheduled jobs: restored after Redis is emptied, moved when the policy changes,
 * caught up after a worker was down; and what admins see of queues and metrics (the last test reads
 * metrics the earlier ones in this file produced, so they stay together and in this order).
 */

describe('durable delivery (real SMTP, Redis, PostgreSQL and worker; injected clock)', () => {
  const stack = useMailStack();
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;

  beforeAll(() => {
    ({ sink, t, worker, f, lineManager, host } = stack);
  });

  it('Redis emptied while every process runs: the watchdog restores the schedulers and the reconciler every owed job', async () => {
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(40), 2);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const checkInIds = placement.body.checkIns.map((c) => c.id);
    const queues = worker.context.get(QueueService);
    const jobsFor = async () =>
      [...(await queues.jobIdsIn(QueueName.Reminders, ['delayed', 'waiting']))]
        .filter((id) => checkInIds.some((c) => id.includes(c)))
        .sort();
    // Booked 40 weeks ahead, the cadence waits in PostgreSQL: Redis holds only jobs due within 48 hours.
    expect(await jobsFor()).toEqual([]);
    // 40 hours before the kickoff, its reminder (24 hours ahead of it) is the one job within reach.
    const kickoff = placement.body.checkIns[0];
    if (kickoff?.kind !== 'kickoff') throw new Error('no kickoff');
    const at = new Date(kickoff.scheduledAt).getTime();
    controlClock(worker.context, new Date(at - 40 * HOUR));
    const owed = [`checkin-reminder-${kickoff.id}-${at}-${at - 24 * HOUR}`];
    await worker.context.get(ReconcileJob).run();
    expect(await jobsFor()).toEqual(owed);

    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.queuePrefix}:*`);
    await redis.del(...keys);
    expect(await jobsFor()).toHaveLength(0);
    expect(await queues.schedulers()).toHaveLength(0);
    redis.disconnect();

    const report = await worker.context.get(Watchdog).check();
    expect(report?.dataLost).toBe(true);
    expect(report?.restoredSchedulers.sort()).toEqual(['daily-digest', 'heartbeat', 'reconcile', 'reconcile-changes']);
    expect((await queues.schedulers()).map((s) => s.key).sort()).toEqual([
      'daily-digest',
      'heartbeat',
      'reconcile',
      'reconcile-changes',
    ]);
    // The reconcile the watchdog queued puts back every job PostgreSQL implies within the horizon.
    await until(
      async () => JSON.stringify(await jobsFor()) === JSON.stringify(owed),
      'the jobs rebuilt from PostgreSQL',
    );
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
    // 70 hours before the kickoff: its reminder is within the 48-hour horizon at the old lead and at the new one.
    const clock = controlClock(worker.context, new Date(at - (lead + 46) * HOUR));
    await worker.context.get(ReconcileJob).run();
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
        return ids.includes(`checkin-reminder-${kickoff.id}-${at}-${at - (lead + 24) * HOUR}`) && ids.length === 1;
      }, 'the reminder at the new moment, and the old one gone');
      // Once the kickoff has begun, its overdue escalation comes within reach, at the new moment.
      clock.set(new Date(at + 30 * HOUR));
      await worker.context.get(ReconcileJob).run();
      expect(await reminderIds()).toEqual([`checkin-overdue-${kickoff.id}-${at}-${at + (overdue + 24) * HOUR}`]);
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
    const jobs = worker.context.get(ReconcileJob);
    await jobs.run();
    const overdueMail = () => sink.to(pm.user.email).filter((m) => (m.subject ?? '').startsWith('Overdue: Kickoff'));
    const escalations = () =>
      sink.messages.filter(
        (m) => (m.subject ?? '').startsWith('Escalation:') && (m.subject ?? '').includes(waiting.user.name),
      );
    await sink.waitFor(() => overdueMail().length === 1 && escalations().length >= 1, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    const escalated = escalations().length;
    // Reconciling again sends nothing twice: the ledger says these are done.
    await jobs.run();
    await new Promise((r) => setTimeout(r, 1500));
    expect(overdueMail()).toHaveLength(1);
    expect(escalations()).toHaveLength(escalated);
    expect(sink.to(pm.user.email).filter((m) => (m.subject ?? '').startsWith('Coming up: Kickoff'))).toHaveLength(0);
    expect(
      sink
        .to(lineManager.user.email)
        .filter((m) => (m.subject ?? '').startsWith('Reminder:') && (m.subject ?? '').includes(waiting.user.name)),
    ).toHaveLength(0);

    const skippedRuns = () =>
      call<Page<JobRun>>(t.url, 'GET', '/api/admin/job-runs?outcome=skipped&pageSize=200', { token: f.admin.token });
    // The superseded nudges run as jobs of their own beside the escalation; wait until each has recorded its skip.
    await until(async () => {
      const items = (await skippedRuns()).body.items;
      return (
        items.some((r) => r.subjectId === kickoff.id && r.kind === 'checkin_reminder') &&
        items.filter((r) => r.subjectId === request.id).length >= 2
      );
    }, 'the skipped reminder and nudges in the ledger');
    const skipped = await skippedRuns();
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
    expect(monitor.body.schedulers.map((s) => s.key).sort()).toEqual([
      'daily-digest',
      'heartbeat',
      'reconcile',
      'reconcile-changes',
    ]);
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
