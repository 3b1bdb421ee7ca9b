import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { FailedJob, JobRun, QueueMonitor, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { QueuesPage } from './queues-page';

const admin: User = {
  id: 'a1',
  email: 'ada@x',
  name: 'Ada Admin',
  role: 'admin',
  managerId: null,
  timezone: 'Europe/Berlin',
  active: true,
};
const page = <T>(items: T[], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 10,
});

const monitor: QueueMonitor = {
  queues: [
    {
      name: 'reminders',
      waiting: 2,
      delayed: 14,
      active: 0,
      failed: 0,
      completed: 120,
      paused: 0,
    },
    {
      name: 'email',
      waiting: 0,
      delayed: 1,
      active: 1,
      failed: 3,
      completed: 480,
      paused: 0,
    },
    {
      name: 'maintenance',
      waiting: 0,
      delayed: 2,
      active: 0,
      failed: 0,
      completed: 60,
      paused: 0,
    },
  ],
  worker: { status: 'up', lastHeartbeatAt: '2027-01-04T09:00:00.000Z' },
  schedulers: [
    {
      key: 'daily-digest',
      every: '0 * * * *',
      next: '2027-01-04T10:00:00.000Z',
    },
  ],
};
const failedJob: FailedJob = {
  id: 'email-n1-5',
  queue: 'email',
  name: 'send-email',
  failedReason: 'connect ECONNREFUSED 127.0.0.1:1025',
  attemptsMade: 5,
  failedAt: '2027-01-04T08:30:00.000Z',
  data: { notificationId: 'n1' },
};
const skippedRun: JobRun = {
  key: 'checkin-reminder-c1',
  kind: 'checkin_reminder',
  subjectId: 'c1',
  dueAt: '2027-01-03T09:00:00.000Z',
  ranAt: '2027-01-03T11:05:00.000Z',
  outcome: 'skipped',
  reason: 'The check-in had already begun.',
  latenessMs: 2 * 3_600_000 + 5 * 60_000,
};

describe('QueuesPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<QueuesPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  const text = (testId: string) =>
    el.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
  /** The cells of the first row of a table that mentions `match`, as the user reads them. */
  const cells = (testId: string, match: string) => {
    const row = [...el.querySelectorAll(`[data-testid="${testId}"] tr`)].find((r) => r.textContent?.includes(match));
    return [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
  };
  const failedCall = (queue = 'email') =>
    http.expectOne((r) => r.method === 'GET' && r.url === `/api/admin/queues/${queue}/failed`);
  const monitorCall = () => http.expectOne((r) => r.method === 'GET' && r.url === '/api/admin/queues');
  const skippedCall = () => http.expectOne((r) => r.url === '/api/admin/job-runs');
  const apiError = (call: TestRequest, status: number, code: string, message: string) =>
    call.flush({ statusCode: status, code, message }, { status, statusText: code });

  async function open(
    answers: {
      monitor?: QueueMonitor;
      failed?: FailedJob[];
      skipped?: JobRun[];
    } = {},
  ): Promise<{
    failed: TestRequest;
    skipped: TestRequest;
    monitor: TestRequest;
  }> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { user: signal(admin) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QueuesPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const calls = {
      failed: failedCall(),
      skipped: skippedCall(),
      monitor: monitorCall(),
    };
    if (answers.failed) calls.failed.flush(page(answers.failed));
    if (answers.skipped) calls.skipped.flush(page(answers.skipped));
    if (answers.monitor) calls.monitor.flush(answers.monitor);
    await settle();
    return calls;
  }

  afterEach(() => http.verify());

  it('shows the worker, the jobs per queue, the schedules, and the failed and skipped jobs, in the admin’s time zone', async () => {
    const calls = await open({
      monitor,
      failed: [failedJob],
      skipped: [skippedRun],
    });
    expect(calls.failed.request.params.get('page')).toBe('1');
    expect(calls.skipped.request.params.get('outcome')).toBe('skipped');

    expect(text('worker-status')).toContain('Up Last heartbeat Mon 4 Jan 2027, 10:00 CET.');
    expect(cells('queues-table', 'Queue')).toEqual([
      'Queue',
      'Waiting',
      'Delayed',
      'Active',
      'Failed',
      'Completed',
      'Paused',
    ]);
    expect(cells('queues-table', 'email')).toEqual(['email', '0', '1', '1', '3', '480', '0']);
    expect(cells('schedulers-table', 'daily-digest')).toEqual([
      'daily-digest',
      '0 * * * *',
      'Mon 4 Jan 2027, 11:00 CET',
    ]);
    expect(cells('failed-jobs-table', 'send-email')).toEqual([
      'Mon 4 Jan 2027, 09:30 CET',
      expect.stringMatching(/^send-email.*email-n1-5$/),
      '5',
      'connect ECONNREFUSED 127.0.0.1:1025',
      'Retry',
    ]);
    expect(cells('skipped-jobs-table', 'reminder')).toEqual([
      'Check-in reminder',
      'Sun 3 Jan 2027, 10:00 CET',
      'Sun 3 Jan 2027, 12:05 CET',
      '2 h 5 min late',
      'The check-in had already begun.',
    ]);
  });

  it('retries a failed job, says so, and reads the failed jobs and the counts again', async () => {
    await open({ monitor, failed: [failedJob], skipped: [] });
    el.querySelector<HTMLButtonElement>('[data-testid="retry-job"]')?.click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/admin/queues/email/jobs/email-n1-5/retry')
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(document.body.textContent).toContain('Job email-n1-5 queued to run again.');

    failedCall().flush(page([]));
    monitorCall().flush({
      ...monitor,
      queues: monitor.queues.map((q) => (q.name === 'email' ? { ...q, failed: 2, waiting: 1 } : q)),
    });
    await settle();
    expect(el.textContent).toContain('No failed jobs in the email queue.');
  });

  it('says why a retry failed and shows the list as it is now', async () => {
    await open({ monitor, failed: [failedJob], skipped: [] });
    el.querySelector<HTMLButtonElement>('[data-testid="retry-job"]')?.click();
    apiError(
      http.expectOne((r) => r.method === 'POST'),
      404,
      'NOT_FOUND',
      'No failed job email-n1-5 in the email queue.',
    );
    await settle();
    expect(document.body.textContent).toContain(
      'Could not retry the job: No failed job email-n1-5 in the email queue.',
    );
    failedCall().flush(page([]));
    monitorCall().flush(monitor);
    await settle();
  });

  it('warns when the worker is down, explains empty lists, and says what to do when a load fails', async () => {
    const calls = await open({
      monitor: {
        ...monitor,
        worker: { status: 'down', lastHeartbeatAt: null },
        schedulers: [],
      },
      failed: [],
    });
    apiError(calls.skipped, 503, 'UNAVAILABLE', 'The database is not answering.');
    await settle();

    expect(text('worker-status')).toContain('Down No heartbeat recorded yet.');
    expect(text('worker-status')).toContain('Start the worker');
    expect(el.textContent).toContain(
      'No schedules are registered. The worker registers them when it starts: start the worker.',
    );
    expect(el.textContent).toContain('No failed jobs in the email queue.');
    expect(el.textContent).toContain(
      'Could not load skipped jobs: The database is not answering. Press Refresh to try again.',
    );

    el.querySelector<HTMLButtonElement>('[data-testid="refresh-queues"]')?.click();
    await settle();
    failedCall().flush(page([]));
    apiError(monitorCall(), 503, 'UNAVAILABLE', 'Redis is not answering.');
    skippedCall().flush(page([]));
    await settle();
    expect(el.textContent).toContain(
      'Could not load the queue monitor: Redis is not answering. Check that Redis is running, then press Refresh.',
    );
    expect(el.textContent).toContain('No skipped jobs: every reminder and nudge that ran was sent.');
  });

  it('lists the failed jobs of the queue in the URL', async () => {
    await open({ monitor, failed: [failedJob], skipped: [] });
    await TestBed.inject(Router).navigateByUrl('/?queue=reminders&failedPage=2');
    await settle();
    const call = failedCall('reminders');
    expect(call.request.params.get('page')).toBe('2');
    call.flush({ items: [], total: 10, page: 2, pageSize: 10 });
    await settle();
    expect(el.textContent).toContain('No failed jobs in the reminders queue.');
  });
});
