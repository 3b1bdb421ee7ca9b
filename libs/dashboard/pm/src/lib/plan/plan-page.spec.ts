import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Team, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { PlanPage } from './plan-page';

const pm: User = {
  id: 'pm1',
  email: 'lena@x',
  name: 'Lena',
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
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

describe('PlanPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PlanPage>;

  function open(): HTMLElement {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SessionService,
          useValue: { user: signal(pm), hasRole: (...roles: string[]) => roles.includes('pm') },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(PlanPage);
    fixture.detectChanges();
    http.expectOne('/api/policy').flush({
      minWeeks: 1,
      maxWeeks: 12,
      checkinTime: '10:00',
      reminderLeadHours: 24,
      overdueAfterHours: 48,
      followUpDays: 30,
    });
    http.expectOne((r) => r.url === '/api/teams').flush(page([team]));
    http.expectOne((r) => r.url === '/api/rotation-requests').flush(page([]));
    http.expectOne((r) => r.url === '/api/placements').flush(page([]));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function slotsCall(): TestRequest {
    return http.expectOne((r) => r.url === '/api/slots');
  }

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('waits until typing pauses, and drops the answer to a search that was superseded', () => {
    const el = open();
    jest.advanceTimersByTime(300);
    const first = slotsCall();
    expect(first.request.params.get('durationWeeks')).toBe('4');
    expect(first.request.params.get('limit')).toBe('3');

    const input = el.querySelector<HTMLInputElement>('input[formcontrolname="durationWeeks"]');
    if (!input) throw new Error('no duration field');
    input.value = '2';
    input.dispatchEvent(new Event('input'));
    input.value = '3';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(299);
    http.expectNone((r) => r.url === '/api/slots' && r.params.get('durationWeeks') === '3');
    jest.advanceTimersByTime(1);

    expect(first.cancelled).toBe(true);
    const second = slotsCall();
    expect(second.request.params.get('durationWeeks')).toBe('3');
    second.flush([{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-01-05', endDate: '2099-01-25' }]);
    fixture.detectChanges();
    const slot = el.querySelector<HTMLButtonElement>('button.slot');
    expect(slot?.textContent).toContain('NA SMB');
    expect(slot?.textContent).toContain('Mon 5 Jan 2099');
  });

  it('picks a suggestion into the request, and shows each broken rule next to its field', async () => {
    const el = open();
    jest.advanceTimersByTime(300);
    slotsCall().flush([{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-01-05', endDate: '2099-01-25' }]);
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('button.slot')?.click();
    fixture.detectChanges();
    expect(el.querySelector('button.slot')?.getAttribute('aria-pressed')).toBe('true');

    const negotiation = [...el.querySelectorAll<HTMLElement>('mat-chip-option')].find((c) =>
      c.textContent?.includes('Negotiation'),
    );
    negotiation?.querySelector<HTMLElement>('[role="option"]')?.click();
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/rotation-requests');
    expect(post.request.body).toEqual({
      teamId: 't1',
      startDate: '2099-01-05',
      durationWeeks: 4,
      goals: ['negotiation'],
    });
    post.flush(
      {
        statusCode: 422,
        code: 'BLACKOUT',
        message: 'The team is unavailable 5–9 Jan 2099 (Kick-off).',
        details: {
          violations: [
            { code: 'BLACKOUT', message: 'The team is unavailable 5–9 Jan 2099 (Kick-off).' },
            { code: 'DURATION_OUT_OF_POLICY', message: 'A rotation of 4 weeks is outside the policy.' },
          ],
        },
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    // The failure reaches the component's catch on the next turns of the microtask queue.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();

    expect(el.querySelector('[data-testid="dates-error"]')?.textContent).toContain('unavailable 5–9 Jan 2099');
    expect(el.querySelector('[data-testid="duration-error"]')?.textContent).toContain('outside the policy');
    expect(el.querySelector('[data-testid="request-error"]')?.textContent).toContain(
      'see the messages next to the fields',
    );
  });

  it('a full team offers to ask anyway, which sends the same request with waitlistIfFull', async () => {
    const el = open();
    jest.advanceTimersByTime(300);
    slotsCall().flush([{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-01-05', endDate: '2099-01-25' }]);
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('button.slot')?.click();
    fixture.detectChanges();
    const closing = [...el.querySelectorAll<HTMLElement>('mat-chip-option')].find((c) =>
      c.textContent?.includes('Closing'),
    );
    closing?.querySelector<HTMLElement>('[role="option"]')?.click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="ask-anyway"]')).toBeNull();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    const full = http.expectOne((r) => r.method === 'POST' && r.url === '/api/rotation-requests');
    full.flush(
      {
        statusCode: 409,
        code: 'CAPACITY_FULL',
        message: 'The team is full on 5 Jan 2099 (2 of 2 places booked).',
        details: {},
      },
      { status: 409, statusText: 'Conflict' },
    );
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
    http.match((r) => r.url === '/api/teams' || r.url === '/api/rotation-requests' || r.url === '/api/placements');

    const offer = el.querySelector<HTMLElement>('[data-testid="ask-anyway"]');
    expect(offer?.textContent).toContain('waitlist');
    offer?.querySelector<HTMLButtonElement>('button')?.click();
    fixture.detectChanges();
    const again = http.expectOne((r) => r.method === 'POST' && r.url === '/api/rotation-requests');
    expect(again.request.body).toEqual({
      teamId: 't1',
      startDate: '2099-01-05',
      durationWeeks: 4,
      goals: ['closing'],
      waitlistIfFull: true,
    });
  });
});
