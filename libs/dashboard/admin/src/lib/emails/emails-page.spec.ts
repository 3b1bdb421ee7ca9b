import { InteractivityChecker } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { NotificationRecord, QueueMonitor, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { EmailsPage } from './emails-page';

const admin: User = {
  id: 'a1',
  email: 'ada@x',
  name: 'Ada Admin',
  role: 'admin',
  managerId: null,
  timezone: 'Europe/Berlin',
  active: true,
};
const email = (over: Partial<NotificationRecord>): NotificationRecord => ({
  id: 'n0',
  kind: 'booked',
  recipient: 'lena@x',
  subject: 'Booked: NA SMB',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2027-01-04T08:00:00.000Z',
  sentAt: '2027-01-04T08:00:05.000Z',
  dedupeKey: 'k',
  nextAttemptAt: null,
  permanentFailure: false,
  ...over,
});
const refused = email({
  id: 'n1',
  recipient: 'gone@x',
  status: 'failed',
  attempts: 1,
  sentAt: null,
  lastError: '550 mailbox unavailable',
  permanentFailure: true,
});
const waiting = email({
  id: 'n2',
  recipient: 'kai@x',
  status: 'pending',
  attempts: 2,
  sentAt: null,
  lastError: '421 try again later',
  nextAttemptAt: '2027-01-04T09:05:00.000Z',
});
const sent = email({ id: 'n3' });
const monitor: QueueMonitor = {
  queues: [
    {
      name: 'email',
      waiting: 0,
      delayed: 1,
      active: 0,
      failed: 2,
      completed: 40,
      paused: 0,
    },
  ],
  worker: { status: 'up', lastHeartbeatAt: '2027-01-04T09:00:00.000Z' },
  schedulers: [],
};
/** jsdom lays nothing out, so the dialog would find no visible button to focus first. */
@Injectable()
class LayoutFreeChecker extends InteractivityChecker {
  override isVisible(): boolean {
    return true;
  }
}
const page = (items: NotificationRecord[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

describe('EmailsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<EmailsPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  const row = (recipient: string) =>
    [...el.querySelectorAll('[data-testid="emails-table"] tr')].find((r) => r.textContent?.includes(recipient));
  const button = (root: ParentNode, label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
  /** The log and the queue figures, as the page reads them on open and after every retry. */
  function answerReads(items: NotificationRecord[]): void {
    http.expectOne((r) => r.url === '/api/notifications').flush(page(items));
    http.expectOne('/api/admin/queues').flush(monitor);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { user: signal(admin) } },
        // The confirmation closes at once instead of waiting for an animation jsdom never plays.
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
        { provide: InteractivityChecker, useClass: LayoutFreeChecker },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmailsPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    answerReads([refused, waiting, sent]);
    await settle();
  });

  afterEach(() => http.verify());

  it('links to the in-app queue monitor and shows what happens next to each email', () => {
    expect(el.querySelector('[data-testid="queue-monitor-link"]')?.getAttribute('href')).toBe('/admin/queues');
    expect(el.textContent).toContain('email: 0 waiting, 1 delayed, 0 active, 2 failed');
    expect(el.querySelector('.lead')?.textContent).toContain('a permanent refusal (a 5xx reply) is not retried');

    expect(row('gone@x')?.textContent).toContain('Refused permanently');
    expect(row('kai@x')?.textContent).toContain('2 attempts, next attempt Mon 4 Jan 2027, 10:05');
    expect(row('kai@x')?.textContent).not.toContain('Refused permanently');
    expect(row('gone@x')?.querySelector('[data-testid="retry-email"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="retry-email"]')).toHaveLength(1);
  });

  it('retries one failed email, says so, and reads the log again', async () => {
    row('gone@x')?.querySelector<HTMLButtonElement>('[data-testid="retry-email"]')?.click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/notifications/n1/retry')
      .flush({ ...refused, status: 'pending', permanentFailure: false });
    await settle();
    expect(document.body.textContent).toContain('The email to gone@x is queued to send again.');

    answerReads([{ ...refused, status: 'pending', permanentFailure: false }, waiting, sent]);
    await settle();
    expect(row('gone@x')?.textContent).toContain('Pending');
    expect(el.querySelectorAll('[data-testid="retry-email"]')).toHaveLength(0);
  });

  it('says why a retry was refused', async () => {
    row('gone@x')?.querySelector<HTMLButtonElement>('[data-testid="retry-email"]')?.click();
    http.expectOne('/api/notifications/n1/retry').flush(
      {
        statusCode: 409,
        code: 'INVALID_STATE',
        message: 'Only a failed email can be retried.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(document.body.textContent).toContain('Could not retry: Only a failed email can be retried.');
    answerReads([refused, waiting, sent]);
  });

  it('retries all failed emails after a confirmation and reports how many were queued', async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="retry-all-failed"]')?.click();
    await settle();
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Retry all failed emails?');
    button(dialog as HTMLElement, 'Retry all failed')?.click();
    await settle();

    http.expectOne((r) => r.method === 'POST' && r.url === '/api/notifications/retry-failed').flush({ retried: 2 });
    await settle();
    expect(document.body.textContent).toContain('2 failed emails are queued to send again.');
    answerReads([sent]);
  });

  it('sends nothing when the confirmation is declined', async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="retry-all-failed"]')?.click();
    await settle();
    button(document.querySelector('[role="alertdialog"]') as HTMLElement, 'Not now')?.click();
    await settle();
    http.expectNone('/api/notifications/retry-failed');
  });
});
