import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from './processes';
import { emailStatus, Stage } from './stage';

/* A worker killed with SIGKILL in the middle of an SMTP conversation: its claim on the email expires and another worker sends it. */
describe('faults: kill -9 during a send', () => {
  let stage: Stage;
  let sink: SmtpSink;

  beforeAll(async () => {
    stage = await Stage.create('killsend');
    sink = await SmtpSink.start();
  });

  afterAll(async () => {
    await stage.dispose();
    await sink.stop();
  });

  it(
    'the claim expires and the email is delivered once',
    async () => {
      await stage.api({ SMTP_URL: sink.url });
      // A slow mail server keeps the conversation open long enough to kill the worker inside it.
      sink.slowMs = 15_000;
      const tag = `killsend-${Date.now()}`;
      await stage.sql(
        `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key) VALUES ('digest', 'kill@test.stint', $1, 'body', '<p>body</p>', $2)`,
        [`${tag} #1`, `${tag}:1`],
      );
      const first = stage.spawn('worker', { SMTP_URL: sink.url });
      await waitUntil(
        async () =>
          (
            await stage.sql<{ claimed: boolean }>(
              `SELECT claimed_until IS NOT NULL AS claimed FROM notifications WHERE dedupe_key = $1`,
              [`${tag}:1`],
            )
          )[0]?.claimed === true,
        90_000,
        'the first worker to claim the email',
      );
      await new Promise((r) => setTimeout(r, 3000));
      await first.kill9();
      const killedAt = Date.now();
      sink.slowMs = 0;
      expect(sink.messages.filter((m) => (m.subject ?? '').startsWith(tag))).toHaveLength(0);

      stage.spawn('worker', { SMTP_URL: sink.url });
      await waitUntil(
        async () => (await emailStatus(stage, tag))['sent'] === 1,
        5 * 60_000,
        'delivery by the second worker after the claim expired',
      );
      const [row] = await stage.sql<{ attempts: number }>(`SELECT attempts FROM notifications WHERE dedupe_key = $1`, [
        `${tag}:1`,
      ]);
      expect(row?.attempts).toBe(2);
      expect(sink.messages.filter((m) => (m.subject ?? '').startsWith(tag))).toHaveLength(1);
      console.log(
        `kill -9 during a send: delivered ${Math.round((Date.now() - killedAt) / 1000)} s after the kill (claims last 3 min).`,
      );
    },
    8 * 60_000,
  );
});
