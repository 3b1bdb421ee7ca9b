import { loginAs } from '../support/test-app';
import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from './processes';
import { Stage } from './stage';
import { Fixtures, futureMonday } from '../support/fixtures';

/*
 * Redis loses every key of this Stint instance (as FLUSHALL would) while the
 * API and the worker keep running. Nobody restarts anything.
 */
describe('faults: Redis loses its data while every process keeps running', () => {
  let stage: Stage;
  let sink: SmtpSink;

  beforeAll(async () => {
    stage = await Stage.create('redisloss');
    sink = await SmtpSink.start();
  });

  afterAll(async () => {
    await stage.dispose();
    await sink.stop();
  });

  it(
    'within 2 minutes the schedulers are back, a reminder due after the loss arrives, pending emails go out, none twice',
    async () => {
      const { base } = await stage.api({ SMTP_URL: sink.url });
      // Reminders of 5 check-ins fall due 150 s from now, well after the loss below.
      const due = await stage.remindersDueIn(base, 5, 150);
      const dueAt = Date.now() + 150_000;
      stage.spawn('worker', { SMTP_URL: sink.url });
      const admin = await loginAs(base, 'admin@stint.local', 'admin');
      const monitor = async () =>
        (await fetch(`${base}/api/admin/queues`, { headers: { authorization: `Bearer ${admin}` } })).json() as Promise<{
          schedulers: Array<{ key: string }>;
        }>;
      // Every recurring job the worker keeps: the heartbeat, the digest, and the reconciler's two ticks.
      const allSchedulers = async () =>
        (await monitor()).schedulers
          .map((s) => s.key)
          .sort()
          .join(',') === 'daily-digest,heartbeat,reconcile,reconcile-changes';
      await waitUntil(allSchedulers, 60_000, 'the worker to register its schedulers');

      // 20 requests made through the API while the mail server refuses: their emails to the line manager
      // are recorded, tried, refused, and their retries wait in Redis, and only there.
      const f = await Fixtures.create(base);
      const lineManager = await f.manager();
      const host = await f.manager();
      const team = await f.team(host, { capacity: 3 });
      sink.refuseFor(5 * 60_000);
      for (let i = 0; i < 20; i++) await f.request(await f.pm(lineManager), team.id, futureMonday(40 + i), 1);
      const rows = () =>
        stage.sql<{ status: string; attempts: number }>(
          `SELECT status, attempts FROM notifications WHERE recipient = $1 AND kind = 'request_submitted'`,
          [lineManager.user.email],
        );
      await waitUntil(
        async () => (await rows()).filter((r) => r.attempts >= 1).length === 20,
        90_000,
        'a refused first attempt of each email',
      );

      const lostAt = Date.now();
      expect(await stage.loseRedis()).toBeGreaterThan(0);
      expect((await monitor()).schedulers).toHaveLength(0);
      sink.refuseFor(0);

      await waitUntil(allSchedulers, 2 * 60_000, 'the schedulers back within 2 minutes');
      const schedulersBackAfter = Date.now() - lostAt;
      await waitUntil(
        async () => (await rows()).filter((r) => r.status === 'sent').length === 20,
        2 * 60_000 - (Date.now() - lostAt),
        'the pending emails sent within 2 minutes of the loss',
      );
      const emailsBackAfter = Date.now() - lostAt;

      const reminders = () =>
        sink.messages.filter(
          (m) =>
            (m.subject ?? '').startsWith('Coming up: Weekly check-in') &&
            [due.pm, due.host].some((e) => m.to && JSON.stringify(m.to).includes(e)),
        );
      await waitUntil(
        () => reminders().length >= 10,
        Math.max(30_000, dueAt - Date.now() + 60_000),
        'the reminders due after the loss',
      );
      await new Promise((r) => setTimeout(r, 5000));
      expect(reminders()).toHaveLength(10);
      expect(new Set(reminders().map((m) => m.messageId)).size).toBe(10);
      const mine = sink.to(lineManager.user.email).filter((m) => /asks to join/.test(m.subject ?? ''));
      expect(mine).toHaveLength(20);
      expect(new Set(mine.map((m) => m.messageId)).size).toBe(20);
      console.log(
        `Redis loss: schedulers back after ${Math.round(schedulersBackAfter / 1000)} s, pending emails sent after ${Math.round(emailsBackAfter / 1000)} s; reminders due after the loss arrived once.`,
      );
    },
    8 * 60_000,
  );
});
