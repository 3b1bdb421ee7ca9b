import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RotationRequest, Team, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { ApprovalDetailPage } from './approval-detail-page';

const maria: User = {
  id: 'm1',
  email: 'maria@x',
  name: 'Maria Schneider',
  role: 'manager',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const lena: User = {
  id: 'pm1',
  email: 'lena@x',
  name: 'Lena Hoffmann',
  role: 'pm',
  managerId: 'm1',
  timezone: 'UTC',
  active: true,
};
const team: Team = {
  id: 't1',
  name: 'NA SMB',
  region: 'NA',
  segment: 'SMB',
  managerId: 'm2',
  capacity: 2,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
};
const request: RotationRequest = {
  id: 'r1',
  pmId: 'pm1',
  teamId: 't1',
  startDate: '2099-01-05',
  endDate: '2099-01-11',
  durationWeeks: 1,
  goals: ['Run a close plan'],
  motivation: 'I build the pricing page.',
  status: 'pending_manager',
  approvals: [],
  placementId: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('ApprovalDetailPage', () => {
  let http: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SessionService,
          useValue: { user: signal(maria), hasRole: (...roles: string[]) => roles.includes('manager') },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ApprovalDetailPage);
    fixture.componentRef.setInput('id', 'r1');
    fixture.detectChanges();
    http.expectOne('/api/rotation-requests/r1').flush(request);
    const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/teams').flush(page([team]));
    http.expectOne((r) => r.url === '/api/users').flush(page([maria, lena]));
    http
      .expectOne((r) => r.url === '/api/teams/t1/availability')
      .flush(
        ['2099-01-05', '2099-01-06', '2099-01-07', '2099-01-08', '2099-01-09', '2099-01-10', '2099-01-11'].map(
          (date, i) => ({ date, booked: i === 2 ? 2 : 1, capacity: 2, blackout: false }),
        ),
      );
    http.expectOne((r) => r.url === '/api/rotation-requests' && r.params.get('pmId') === 'pm1').flush(page([request]));
    http.expectOne((r) => r.url === '/api/placements' && r.params.get('pmId') === 'pm1').flush(page([]));
    http.expectOne('/api/policy').flush({
      minWeeks: 1,
      maxWeeks: 12,
      checkinTime: '10:00',
      reminderLeadHours: 24,
      overdueAfterHours: 48,
      followUpDays: 30,
    });
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows the request with names and the rule check before deciding', async () => {
    const el = await open();
    expect(el.querySelector('h1')?.textContent).toContain('Lena Hoffmann → NA SMB');
    const rules = el.querySelector('[data-testid="rule-check"]')?.textContent ?? '';
    expect(rules).toContain('The team is full on 1 day');
    expect(rules).toContain('7 Jan 2099');
    expect(rules).toContain('No blackout days');
    expect(rules).toContain('No overlapping rotations');
    expect(el.textContent).toContain('Run a close plan');
    const buttons = [...el.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).toEqual(expect.arrayContaining(['Approve', 'Reject…']));
  });

  it('shows the next free slots when the API answers CAPACITY_FULL', async () => {
    const el = await open();
    const approve = [...el.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Approve',
    ) as HTMLButtonElement;
    approve.click();
    const call = http.expectOne('/api/rotation-requests/r1/approve');
    // The step shown on screen is always named, so a double click cannot take the next step too.
    expect(call.request.body).toEqual({ step: 'manager' });
    call.flush(
      {
        statusCode: 409,
        code: 'CAPACITY_FULL',
        message: 'NA SMB is full on 7 Jan 2099.',
        details: {
          suggestions: [{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-02-02', endDate: '2099-02-08' }],
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('NA SMB is full on 7 Jan 2099.');
    expect(el.querySelector('[data-testid="suggestions"]')?.textContent).toContain('NA SMB: 2 Feb – 8 Feb 2099');
  });

  it('reports the release after a line manager approves', async () => {
    const el = await open();
    ([...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Approve') as HTMLButtonElement).click();
    http.expectOne('/api/rotation-requests/r1/approve').flush({ ...request, status: 'pending_host' });
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(el.querySelector('[data-testid="decision-result"]')?.textContent).toContain('Lena Hoffmann is released');
    expect(el.querySelector('[data-testid="request-status"]')?.textContent).toContain('Waiting for host team');
  });
});
