import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from './processes';
import { emailStatus, Stage } from './stage';

/*
 * A mail server unreachable for 6 minutes: longer than the whole retry window
 * Stint had before (254 s). Connections are refused (the proxy in front of
 * the SMTP sink is down), as when a mail server is stopped.
 */
const OUTAGE_MS = 6 * 60_000;

describe('faults: SMTP unreachable for 6 minutes', () => {
  let stage: Stage;
  let sink: SmtpSink;
  let proxy: TcpProxy;

  beforeAll(async () => {
    stage = await Stage.create('smtp6m');
    sink = await SmtpSink.start();
    proxy = await TcpProxy.start(sink.port);
  });

  afterAll(async () => {
    await stage.dispose();
    await proxy.down();
    await sink.stop();
  });

  it(
    'every email stays pending with its error, and arrives exactly once within 5 minutes of the server returning',
    async () => {
      const { base } = await stage.api();
      stage.spawn('worker', { SMTP_URL: `smtp://127.0.0.1:${proxy.port}` });
      await proxy.down();
      const tag = `smtp6m-${Date.now()}`;
      await stage.sql(
        `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key)
       SELECT 'digest', 'outage-' || g || '@test.stint', $1 || ' #' || g, 'body', '<p>body</p>', $1 || ':' || g FROM generate_series(1, 30) AS g`,
        [tag],
      );
      const downSince = Date.now();
      await waitUntil(
        async () =>
          (
            await stage.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM notifications WHERE subject LIKE $1 AND attempts >= 1`,
              [`${tag}%`],
            )
          )[0]?.n === 30,
        90_000,
        'a refused attempt for every email',
      );

      // Half-way and at the end of the outage nothing has failed for good: every email is pending with the refusal recorded.
      await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - downSince))));
      const during = await stage.sql<{ status: string; last_error: string | null; attempts: number }>(
        `SELECT status, last_error, attempts FROM notifications WHERE subject LIKE $1`,
        [`${tag}%`],
      );
      expect(during.every((r) => r.status === 'pending' && /ECONNREFUSED/.test(r.last_error ?? ''))).toBe(true);
      expect(Math.min(...during.map((r) => r.attempts))).toBeGreaterThanOrEqual(4);
      const emailLog = await fetch(`${base}/api/health`).then((r) => r.json());
      expect(emailLog).toMatchObject({ status: 'ok', worker: 'up' });

      await proxy.up();
      const back = Date.now();
      await waitUntil(
        async () => (await emailStatus(stage, tag))['sent'] === 30,
        5 * 60_000 + 15_000,
        'every email within 5 minutes of the server returning',
      );
      const recovery = Date.now() - back;
      const mine = sink.messages.filter((m) => (m.subject ?? '').startsWith(`${tag} #`));
      expect(mine).toHaveLength(30);
      expect(new Set(mine.map((m) => m.messageId)).size).toBe(30);
      expect(await emailStatus(stage, tag)).toEqual({ sent: 30 });
      console.log(
        `SMTP outage of ${OUTAGE_MS / 60_000} min: all 30 emails delivered ${Math.round(recovery / 1000)} s after the server returned.`,
      );
    },
    15 * 60_000,
  );
});
