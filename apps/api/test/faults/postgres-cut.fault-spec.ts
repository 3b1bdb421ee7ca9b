import Redis from 'ioredis';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from './processes';
import { Stage } from './stage';

/* PostgreSQL unreachable from the worker for 60 s, exactly while reminders fall due. */
describe('faults: PostgreSQL cut for 60 s while reminders fall due', () => {
  let stage: Stage;
  let sink: SmtpSink;
  let proxy: TcpProxy;

  beforeAll(async () => {
    stage = await Stage.create('pgcut');
    sink = await SmtpSink.start();
    proxy = await TcpProxy.start(Number(new URL(String(process.env['DATABASE_URL'])).port || 5432));
  });

  afterAll(async () => {
    await stage.dispose();
    await proxy.down();
    await sink.stop();
  });

  it(
    'every reminder arrives once after PostgreSQL returns',
    async () => {
      const { base } = await stage.api({ SMTP_URL: sink.url });
      const due = await stage.remindersDueIn(base, 20, 45);
      const dueAt = Date.now() + 45_000;
      const proxied = new URL(stage.databaseUrl);
      proxied.host = `127.0.0.1:${proxy.port}`;
      stage.spawn('worker', { SMTP_URL: sink.url, DATABASE_URL: proxied.toString() });
      // Cut once the worker's start-up reconcile has scheduled the 20 reminder jobs (their overdue escalations,
      // three days off, wait in PostgreSQL until they are within 48 hours).
      const redis = new Redis(String(process.env['REDIS_URL'] ?? 'redis://localhost:6379'));
      await waitUntil(
        async () => (await redis.zcard(`${stage.prefix}:reminders:delayed`)) >= 20,
        40_000,
        'the reminder jobs to be scheduled',
      );
      redis.disconnect();

      await proxy.down();
      const cutAt = Date.now();
      expect(dueAt).toBeGreaterThan(cutAt); // the scenario: they fall due while PostgreSQL is away
      expect(dueAt).toBeLessThan(cutAt + 60_000);
      await new Promise((r) => setTimeout(r, 60_000));
      // They all fell due during the cut: nothing could be recorded.
      const during = await stage.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM job_runs WHERE subject_id = ANY($1)`,
        [due.checkInIds],
      );
      expect(during[0]?.n).toBe(0);
      await proxy.up();
      const backAt = Date.now();

      const reminders = () => sink.messages.filter((m) => (m.subject ?? '').startsWith('Coming up: Weekly check-in'));
      await waitUntil(() => reminders().length >= 40, 3 * 60_000, 'every reminder after PostgreSQL returned');
      await new Promise((r) => setTimeout(r, 5000));
      expect(reminders()).toHaveLength(40);
      expect(new Set(reminders().map((m) => m.messageId)).size).toBe(40);
      const runs = await stage.sql<{ outcome: string; n: number }>(
        `SELECT outcome, count(*)::int AS n FROM job_runs WHERE subject_id = ANY($1) GROUP BY outcome`,
        [due.checkInIds],
      );
      expect(runs).toEqual([{ outcome: 'sent', n: 20 }]);
      console.log(
        `PostgreSQL cut for ${Math.round((backAt - cutAt) / 1000)} s: all 40 reminder emails arrived ${Math.round((Date.now() - backAt) / 1000)} s after it returned.`,
      );
    },
    8 * 60_000,
  );
});
