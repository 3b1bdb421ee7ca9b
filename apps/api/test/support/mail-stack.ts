import { dropDatabase, prepareDatabase } from '@stint/api-core';
import Redis from 'ioredis';
import { Actor, Fixtures } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, TestApp } from './test-app';
import { startTestWorker } from './worker';

export type TestWorker = Awaited<ReturnType<typeof startTestWorker>>;

export interface MailStack {
  sink: SmtpSink;
  t: TestApp;
  worker: TestWorker;
  f: Fixtures;
  lineManager: Actor;
  host: Actor;
}

/**
 * The real API and worker in this process, sending to an SMTP sink, with an
 * admin's fixtures, a line manager and a host manager. Call it inside a
 * describe: it is started before that describe's tests, its mocks (clocks) and
 * the sink's refusals are undone after each test, and all of it is stopped
 * after the last. The object returned is filled in once it has started.
 *
 * `ownDatabase` gives the stack a database and queue prefix of its own (named
 * by the suffix, dropped afterwards). A suite that sweeps the outbox needs it:
 * a sweep re-queues every pending email in the database, and the shared
 * run's database holds the unsent emails of every suite before it (thousands
 * by the end of a run), each of which would otherwise be tried again on every
 * simulated step.
 */
export function useMailStack(options: { ownDatabase?: string } = {}): MailStack {
  const stack = {} as MailStack;
  const own = options.ownDatabase;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    if (own) {
      const url = new URL(String(process.env['DATABASE_URL']));
      url.pathname = `${url.pathname}_${own}`;
      await prepareDatabase(url.toString());
      // The suite's own SQL helpers (support/sql.ts) read DATABASE_URL when called.
      process.env['DATABASE_URL'] = env['DATABASE_URL'] = url.toString();
      process.env['QUEUE_PREFIX'] = env['QUEUE_PREFIX'] = `${process.env['QUEUE_PREFIX'] ?? 'stint-it'}-${own}`;
    }
    stack.sink = await SmtpSink.start();
    stack.t = await startTestApp({ SMTP_URL: stack.sink.url, ...env });
    stack.worker = await startTestWorker(stack.t.config);
    stack.f = await Fixtures.create(stack.t.url);
    stack.lineManager = await stack.f.manager();
    stack.host = await stack.f.manager();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    stack.sink.refuseFor(0);
    stack.sink.rejectRecipients(null);
  });

  afterAll(async () => {
    await stack.worker.close();
    await stack.t.close();
    await stack.sink.stop();
    if (own && env['DATABASE_URL'] && env['QUEUE_PREFIX']) {
      await dropDatabase(env['DATABASE_URL']);
      await removeKeys(stack.t.config.redisUrl, env['QUEUE_PREFIX']);
    }
  });

  return stack;
}

async function removeKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
