import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CheckIn, Placement, User, UserRole } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { CheckInPage } from './check-in-page';

const pm: User = {
  id: 'pm1',
  email: 'lena@x',
  name: 'Lena',
  role: 'pm',
  managerId: 'm1',
  timezone: 'UTC',
  active: true,
};
const maria: User = {
  id: 'm1',
  email: 'maria@x',
  name: 'Maria Schneider',
  role: 'manager',
  managerId: null,
  timezone: 'UTC',
  active: true,
};

const kickoff: CheckIn = {
  id: 'c1',
  placementId: 'p1',
  kind: 'kickoff',
  scheduledAt: '2099-01-05T10:00:00.000Z',
  status: 'upcoming',
  completedAt: null,
  ratings: null,
  notes: '',
  feedback: [],
  opensOn: '2099-01-05',
};
const earlier: CheckIn = {
  ...kickoff,
  id: 'c0',
  placementId: 'p0',
  scheduledAt: '2098-06-01T10:00:00.000Z',
  status: 'completed',
  ratings: { negotiation: 1, closing: 2, persistence: 2 },
};
const placement: Placement = {
  id: 'p1',
  requestId: 'r1',
  pmId: 'pm1',
  teamId: 't1',
  startDate: '2099-01-05',
  endDate: '2099-01-18',
  durationWeeks: 2,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [kickoff],
};
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

/** Only the date is faked: the page's own timers and Angular's scheduling run for real. */
function itIsNow(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('CheckInPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CheckInPage>;

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  async function open(user: User, checkIn: CheckIn): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SessionService,
          useValue: { user: signal(user), hasRole: (...roles: UserRole[]) => roles.includes(user.role) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CheckInPage);
    fixture.componentRef.setInput('id', checkIn.id);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/teams').flush(page([{ id: 't1', name: 'NA SMB' }]));
    http.expectOne((r) => r.url === '/api/users').flush(page([user, maria]));
    await settle();
    http.expectOne(`/api/check-ins/${checkIn.id}`).flush(checkIn);
    http.expectOne('/api/placements/p1').flush({ ...placement, checkIns: [checkIn] });
    await settle();
    http
      .expectOne((r) => r.url === '/api/placements' && r.params.get('pmId') === 'pm1')
      .flush(page([{ ...placement, checkIns: [earlier, checkIn] }]));
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks the PM for three ratings and notes, then shows how the ratings moved', async () => {
    itIsNow('2099-01-05T10:30:00.000Z');
    const el = await open(pm, kickoff);
    expect(el.querySelector('[data-testid="opens-on"]')).toBeNull();
    expect(el.querySelector('h1')?.textContent).toContain('Kick-off');
    expect(el.textContent).toContain('Your reflection');
    expect(el.querySelector('[data-testid="trend"]')).toBeNull();

    const submit = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Complete check-in'));
    submit?.click();
    await settle();
    http.expectNone('/api/check-ins/c1/complete');
    expect(el.textContent).toContain('Rate negotiation from 1 to 5.');

    for (const [skill, level] of [
      ['negotiation', 3],
      ['closing', 2],
      ['persistence', 4],
    ] as const) {
      const group = el.querySelector(`mat-radio-group[aria-labelledby="legend-${skill}"]`);
      group?.querySelector<HTMLInputElement>(`input[type="radio"][value="${level}"]`)?.click();
    }
    const notes = el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="notes"]');
    if (!notes) throw new Error('no notes field');
    notes.value = '  Picked three deals to follow.  ';
    notes.dispatchEvent(new Event('input'));
    submit?.click();
    await settle();

    const call = http.expectOne('/api/check-ins/c1/complete');
    expect(call.request.body).toEqual({
      ratings: { negotiation: 3, closing: 2, persistence: 4 },
      notes: 'Picked three deals to follow.',
    });
    const done: CheckIn = {
      ...kickoff,
      status: 'completed',
      completedAt: '2099-01-05T11:00:00.000Z',
      ratings: { negotiation: 3, closing: 2, persistence: 4 },
      notes: 'Picked three deals to follow.',
    };
    call.flush(done);
    await settle();
    http.expectOne('/api/check-ins/c1').flush(done);
    http.expectOne('/api/placements/p1').flush({ ...placement, checkIns: [done] });
    http
      .expectOne((r) => r.url === '/api/placements' && r.params.get('pmId') === 'pm1')
      .flush(page([{ ...placement, checkIns: [earlier, done] }]));
    await settle();

    expect(el.querySelector('[data-testid="check-in-status"]')?.textContent).toContain('Completed');
    expect(el.querySelector('[data-testid="reflection"]')?.textContent).toContain('3 of 5');
    expect(el.querySelectorAll('[data-testid="trend-table"] tbody tr')).toHaveLength(2);
    const change = el.querySelector('[data-testid="trend-change"]')?.textContent?.replace(/\s+/g, ' ');
    expect(change).toContain('Negotiation +2');
    expect(change).toContain('Closing 0');
    expect(change).toContain('Persistence +2');
  });

  it("before the check-in's day, tells the PM when the reflection opens instead of offering a form", async () => {
    itIsNow('2098-11-20T12:00:00.000Z');
    const el = await open(pm, kickoff);
    expect(el.textContent).toContain('Your reflection');
    expect(el.querySelector('[data-testid="opens-on"]')?.textContent).toContain(
      'Your reflection opens on Mon 5 Jan 2099, the day of this check-in.',
    );
    expect(el.querySelector('form')).toBeNull();
    expect([...el.querySelectorAll('button')].some((b) => b.textContent?.includes('Complete check-in'))).toBe(false);
  });

  it("counts the day in the PM's time zone", async () => {
    // 06:00 UTC on the 5th is still the evening of the 4th in Los Angeles.
    itIsNow('2099-01-05T06:00:00.000Z');
    const el = await open({ ...pm, timezone: 'America/Los_Angeles' }, kickoff);
    expect(el.querySelector('[data-testid="opens-on"]')?.textContent).toContain('Mon 5 Jan 2099');
    expect(el.querySelector('form')).toBeNull();
  });

  it("offers the form from the first hour of the day in the PM's time zone, before the check-in's time", async () => {
    // 16:00 UTC on the 4th is already 01:00 on the 5th in Tokyo.
    itIsNow('2099-01-04T16:00:00.000Z');
    const el = await open({ ...pm, timezone: 'Asia/Tokyo' }, kickoff);
    expect(el.querySelector('[data-testid="opens-on"]')).toBeNull();
    expect([...el.querySelectorAll('button')].some((b) => b.textContent?.includes('Complete check-in'))).toBe(true);
  });

  it("works out the day from the check-in's time when the API does not say it", async () => {
    itIsNow('2099-01-04T12:00:00.000Z');
    const el = await open(pm, { ...kickoff, opensOn: undefined });
    expect(el.querySelector('[data-testid="opens-on"]')?.textContent).toContain('Mon 5 Jan 2099');
  });

  it('shows a manager the reflection and lets them add feedback', async () => {
    const done: CheckIn = {
      ...kickoff,
      status: 'completed',
      ratings: { negotiation: 2, closing: 2, persistence: 3 },
      notes: 'Met the team.',
    };
    const el = await open(maria, done);
    expect(el.textContent).not.toContain('Your reflection');
    expect(el.querySelector('[data-testid="reflection"]')?.textContent).toContain('Met the team.');

    const text = el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="text"]');
    if (!text) throw new Error('no feedback field');
    text.value = 'Ask for the next step.';
    text.dispatchEvent(new Event('input'));
    [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Add feedback'))?.click();
    await settle();
    const call = http.expectOne('/api/check-ins/c1/feedback');
    expect(call.request.body).toEqual({ text: 'Ask for the next step.' });
    const withFeedback = {
      ...done,
      feedback: [{ byId: 'm1', text: 'Ask for the next step.', at: '2099-01-06T09:00:00.000Z' }],
    };
    call.flush(withFeedback);
    await settle();
    http.expectOne('/api/check-ins/c1').flush(withFeedback);
    http.expectOne('/api/placements/p1').flush({ ...placement, checkIns: [withFeedback] });
    http
      .expectOne((r) => r.url === '/api/placements' && r.params.get('pmId') === 'pm1')
      .flush(page([{ ...placement, checkIns: [withFeedback] }]));
    await settle();
    expect(el.querySelector('[data-testid="feedback"]')?.textContent).toContain('Maria Schneider');
  });
});
