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
 */
export function useMailStack(): MailStack {
  const stack = {} as MailStack;

  beforeAll(async () => {
    stack.sink = await SmtpSink.start();
    stack.t = await startTestApp({ SMTP_URL: stack.sink.url });
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
  });

  return stack;
}
