import { Actor, Fixtures } from './fixtures';
import { ownStore } from './own-store';
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
 * The stack always has a database and queue prefix of its own (see
 * own-store.ts), named by `ownDatabase` or else by a random suffix: its worker
 * must not take the jobs of other suites, nor its sweeps re-queue their mail.
 */
export function useMailStack(options: { ownDatabase?: string } = {}): MailStack {
  const stack = {} as MailStack;
  const store = ownStore(options.ownDatabase ?? `mail_${Math.random().toString(36).slice(2, 8)}`);

  beforeAll(async () => {
    const env = await store.open();
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
    await store.close();
  });

  return stack;
}
