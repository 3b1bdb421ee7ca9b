import { OutboxSweeper } from '@stint/api-notifications';
import type { NotificationRecord, Page } from '@stint/contracts';
import { Actor, Fixtures } from './support/fixtures';
import { TestWorker, useMailStack } from './support/mail-stack';
import { HOUR, MINUTE, recordEmails, Row, rowsOf, until } from './support/outbox';
import { SmtpSink } from './support/smtp-sink';
import { call, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

/*
 * Durable delivery through the outbox: a long SMTP outage retried until delivered exactly once,
 * and permanent refusals that admins retry.
 */

describe('durable delivery (real SMTP, Redis, PostgreSQL and worker; injected clock)', () => {
  const stack = useMailStack({ ownDatabase: 'outbox' });
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let f: Fixtures;
  let host: Actor;

  beforeAll(() => {
    ({ sink, t, worker, f, host } = stack);
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
    // A guard against a hang, not a speed target: over 70 rounds of real SMTP attempts, one after another (about
    // 11 s on its own database; before it had one, every earlier suite's unsent emails were retried in each round).
  }, 300_000);

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
});
