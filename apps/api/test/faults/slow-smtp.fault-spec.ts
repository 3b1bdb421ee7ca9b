import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from './processes';
import { Stage } from './stage';

/*
 * A mail server that answers every command 10 s late, while 200 check-in
 * reminders fall due at once. Sends hold no database connection, so the
 * reminder jobs are not starved: they run on time and the emails queue up.
 */
describe('faults: a mail server answering each command after 10 s, with 200 reminders due', () => {
  let stage: Stage;
  let sink: SmtpSink;

  beforeAll(async () => {
    stage = await Stage.create('slowsmtp');
    sink = await SmtpSink.start();
  });

  afterAll(async () => {
    await stage.dispose();
    await sink.stop();
  });

  it(
    'reminder jobs run within seconds of their due moment, and the emails catch up once the server is fast again',
    async () => {
      const { base } = await stage.api({ SMTP_URL: sink.url });
      const due = await stage.remindersDueIn(base, 200, 60);
      sink.slowMs = 10_000;
      stage.spawn('worker', { SMTP_URL: sink.url });

      await waitUntil(
        async () =>
          (
            await stage.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM job_runs WHERE kind = 'checkin_reminder' AND subject_id = ANY($1)`,
              [due.checkInIds],
            )
          )[0]?.n === 200,
        3 * 60_000,
        'all 200 reminder jobs to run',
      );
      const [lateness] = await stage.sql<{ max_ms: number; p50_ms: number }>(
        `SELECT max(extract(epoch FROM ran_at - due_at) * 1000)::int AS max_ms,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ran_at - due_at) * 1000))::int AS p50_ms
         FROM job_runs WHERE kind = 'checkin_reminder' AND subject_id = ANY($1)`,
        [due.checkInIds],
      );
      expect(lateness?.max_ms).toBeLessThan(10_000);
      // The emails are still crawling through the slow server.
      const [pending] = await stage.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'checkin_reminder' AND status = 'pending'`,
      );
      expect(pending?.n).toBeGreaterThan(300);

      sink.slowMs = 0;
      const reminders = () => sink.messages.filter((m) => (m.subject ?? '').startsWith('Coming up: Weekly check-in'));
      await waitUntil(
        () => reminders().length >= 400,
        4 * 60_000,
        'all 400 reminder emails once the server is fast again',
      );
      await new Promise((r) => setTimeout(r, 3000));
      expect(reminders()).toHaveLength(400);
      expect(new Set(reminders().map((m) => m.messageId)).size).toBe(400);
      console.log(
        `Slow SMTP (10 s per command): 200 reminder jobs ran with lateness p50 ${lateness?.p50_ms} ms, max ${lateness?.max_ms} ms; 400 emails delivered once after the server recovered.`,
      );
    },
    10 * 60_000,
  );
});
