import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { InteractivityChecker } from '@angular/cdk/a11y';
import { Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { RotationRequest, RuleCheck, RuleCheckResult, Team, User } from '@stint/contracts';
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
const sam: User = { ...maria, id: 'm2', email: 'sam@x', name: 'Sam Whitaker' };
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
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

const days = ['2099-01-05', '2099-01-06', '2099-01-07', '2099-01-08', '2099-01-09', '2099-01-10', '2099-01-11'];
const passing = (rule: RuleCheckResult['rule'], code: RuleCheckResult['code'], message: string): RuleCheckResult => ({
  rule,
  code,
  ok: true,
  message,
  details: {},
});

/** The API's rule check on the request: every rule passes, one place of two booked on each day. */
const free: RuleCheck = {
  requestId: 'r1',
  startDate: '2099-01-05',
  endDate: '2099-01-11',
  today: '2026-11-28',
  ok: true,
  checks: [
    passing('team', 'TEAM_INACTIVE', 'The team is active and takes rotations.'),
    passing('duration', 'DURATION_OUT_OF_POLICY', 'A rotation of 1 week is within the policy (1 to 12 weeks).'),
    passing(
      'start',
      'START_IN_PAST',
      "It starts on 2099-01-05, not before today (2026-11-28) in the team's time zone.",
    ),
    passing('blackout', 'BLACKOUT', 'None of these days is in a team or global blackout.'),
    passing('pm_overlap', 'PM_OVERLAP', 'The PM has no other placement or pending request on these days.'),
    passing('capacity', 'CAPACITY_FULL', 'At most 1 of 2 places are booked on any day of these dates.'),
  ],
  availability: {
    capacity: 2,
    peakBooked: 1,
    fullDays: [],
    blackoutDays: [],
    days: days.map((date) => ({ date, booked: 1, capacity: 2, blackout: false })),
  },
  suggestions: [],
};

/** The same once both places are taken on 7 and 8 Jan: capacity fails and the API offers the next free slot. */
const full: RuleCheck = {
  ...free,
  ok: false,
  checks: free.checks.map((c) =>
    c.rule === 'capacity'
      ? {
          ...c,
          ok: false,
          message: 'The team is full on 2099-01-07 (2 of 2 places booked). Pick another start date or another team.',
          details: { capacity: 2, peakBooked: 2, fullDays: ['2099-01-07', '2099-01-08'], date: '2099-01-07' },
        }
      : c,
  ),
  availability: {
    ...free.availability,
    peakBooked: 2,
    fullDays: ['2099-01-07', '2099-01-08'],
    days: days.map((date, i) => ({ date, booked: i === 2 || i === 3 ? 2 : 1, capacity: 2, blackout: false })),
  },
  suggestions: [{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-02-02', endDate: '2099-02-08' }],
};

/** jsdom lays nothing out, so the dialog's focus trap would find its field invisible. */
@Injectable()
class LayoutFreeChecker extends InteractivityChecker {
  override isVisible(): boolean {
    return true;
  }
}

const text = (el: HTMLElement, testId: string) => el.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
const button = (el: HTMLElement, label: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) as HTMLButtonElement;

describe('ApprovalDetailPage', () => {
  let http: HttpTestingController;

  /** Answers the next rule check call with `answer` (or an error) and lets the page draw it. */
  async function answerRuleCheck(answer: RuleCheck | 'error'): Promise<void> {
    TestBed.tick();
    const call = http.expectOne('/api/rotation-requests/r1/rule-check');
    expect(call.request.method).toBe('GET');
    if (answer === 'error') {
      call.flush(
        { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side.', details: {} },
        { status: 500, statusText: 'Server Error' },
      );
    } else {
      call.flush(answer);
    }
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
  }

  /** Opens the page on `shown` (the line manager's view by default) as `viewer`; `check` answers its rule check. */
  async function open(check: RuleCheck | 'error' | null, shown = request, viewer = maria): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SessionService,
          useValue: { user: signal(viewer), hasRole: (...roles: string[]) => roles.includes('manager') },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: InteractivityChecker, useClass: LayoutFreeChecker },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ApprovalDetailPage);
    fixture.componentRef.setInput('id', 'r1');
    fixture.detectChanges();
    http.expectOne('/api/rotation-requests/r1').flush(shown);
    const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/teams').flush(page([team]));
    http.expectOne((r) => r.url === '/api/users').flush(page([maria, lena]));
    if (check) await answerRuleCheck(check);
    else await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it("shows the request with names and the server's rule check before deciding", async () => {
    const el = await open(full);
    expect(el.querySelector('h1')?.textContent).toContain('Lena Hoffmann → NA SMB');
    const rules = [...el.querySelectorAll('[data-testid="rule-check"] li')].map((li) => li.textContent?.trim());
    expect(rules).toHaveLength(6);
    expect(rules[0]).toContain('Team is active');
    expect(rules[0]).toContain('The team is active and takes rotations.');
    expect(rules[3]).toContain('No blackout days');
    expect(rules[4]).toContain('No overlapping rotations');
    expect(rules[5]).toContain('Problem: The team is full on 2 days');
    expect(rules[5]).toContain('The team is full on 7 Jan 2099 (2 of 2 places booked).');
    const availability = text(el, 'availability');
    expect(availability).toContain('2 places a day');
    expect(availability).toContain('2 of 2');
    expect(availability).toContain('7 Jan – 8 Jan 2099');
    expect(text(el, 'suggestions')).toContain('NA SMB: 2 Feb – 8 Feb 2099');
    expect(el.querySelectorAll('.strip span')).toHaveLength(7);
    expect(el.textContent).toContain('Run a close plan');
    const buttons = [...el.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).toEqual(expect.arrayContaining(['Approve', 'Reject…']));
    // Only the host step can lead to the waitlist; the line manager releases as before.
    expect(button(el, 'Add to waitlist')).toBeUndefined();
  });

  it('asks the server again when approving fails with CAPACITY_FULL, and shows its next free slots', async () => {
    const el = await open(free);
    expect(text(el, 'rule-check')).toContain('Capacity is free on every day');
    expect(text(el, 'availability')).toContain('1 of 2');
    expect(el.querySelector('[data-testid="suggestions"]')).toBeNull();

    button(el, 'Approve').click();
    const call = http.expectOne('/api/rotation-requests/r1/approve');
    // The step shown on screen is always named, so a double click cannot take the next step too.
    expect(call.request.body).toEqual({ step: 'manager' });
    call.flush(
      {
        statusCode: 409,
        code: 'CAPACITY_FULL',
        message: 'The team is full on 2099-01-07 (2 of 2 places booked). Pick another start date or another team.',
        details: {
          suggestions: [{ teamId: 't1', teamName: 'NA SMB', startDate: '2099-02-02', endDate: '2099-02-08' }],
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((r) => setTimeout(r));
    await answerRuleCheck(full);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The team is full on these dates');
    expect(el.querySelector('[role="alert"]')?.textContent).not.toContain('2099-01-07');
    expect(text(el, 'rule-check')).toContain('The team is full on 2 days');
    expect(text(el, 'availability')).toContain('7 Jan – 8 Jan 2099');
    expect(text(el, 'suggestions')).toContain('NA SMB: 2 Feb – 8 Feb 2099');
  });

  it('keeps the request and the decision when the rule check fails to load, and tries again on request', async () => {
    const el = await open('error');
    expect(el.querySelector('h1')?.textContent).toContain('Lena Hoffmann → NA SMB');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong on our side.');
    expect(el.querySelector('[data-testid="rule-check"]')).toBeNull();
    expect(button(el, 'Approve')).toBeTruthy();
    button(el, 'Try again').click();
    await answerRuleCheck(free);
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(text(el, 'rule-check')).toContain('No overlapping rotations');
  });

  it('reports the release after a line manager approves', async () => {
    const el = await open(free);
    button(el, 'Approve').click();
    http.expectOne('/api/rotation-requests/r1/approve').flush({ ...request, status: 'pending_host' });
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(text(el, 'decision-result')).toContain('Lena Hoffmann is released');
    expect(text(el, 'request-status')).toContain('Waiting for host team');
  });

  it('offers the host the waitlist as the main way on when the team is full, and shows the place in line', async () => {
    const el = await open(full, { ...request, status: 'pending_host' }, sam);
    expect(text(el, 'waitlist-hint')).toContain('Add the request to the team');
    expect(button(el, 'Add to waitlist').getAttribute('mat-flat-button')).not.toBeNull();
    expect(button(el, 'Approve').getAttribute('mat-flat-button')).toBeNull();

    button(el, 'Add to waitlist').click();
    const call = http.expectOne('/api/rotation-requests/r1/waitlist');
    expect(call.request.method).toBe('POST');
    call.flush({ ...request, status: 'waitlisted', waitlistPosition: 2 });
    await settle();
    expect(text(el, 'request-status')).toContain('On waitlist');
    expect(text(el, 'waitlist-status')).toContain('On the waitlist — number 2 in line');
    expect(text(el, 'decision-result')).toContain('Lena Hoffmann is number 2 in line for NA SMB');
    expect(button(el, 'Remove from waitlist…')).toBeTruthy();
    expect(button(el, 'Approve')).toBeUndefined();
  });

  it('tells who holds an offered place and until when, with nothing left to decide', async () => {
    const offered = { ...request, status: 'offered' as const, offerExpiresAt: '2099-01-02T09:00:00.000Z' };
    const el = await open(null, offered, sam);
    expect(text(el, 'waitlist-status')).toContain('A place is held for Lena Hoffmann until Fri 2 Jan 2099, 09:00');
    expect(text(el, 'request-status')).toContain('Offer out');
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });

  it('names the line manager who released the PM to a host manager who cannot list them', async () => {
    // The host manager's directory holds neither the line manager nor the PM: the names come with the request.
    const released: RotationRequest = {
      ...request,
      pmId: 'b71c0d2a-0000-4000-8000-000000000000',
      pmName: 'Ana Lima',
      status: 'pending_host',
      approvals: [
        {
          step: 'manager',
          decision: 'approved',
          byId: 'e58ef965-0000-4000-8000-000000000000',
          byName: 'Maria Keller',
          comment: 'She is ready.',
          at: '2099-01-02T09:30:00.000Z',
        },
      ],
    };
    const el = await open(free, released, sam);
    expect(el.querySelector('h1')?.textContent).toContain('Ana Lima → NA SMB');
    const trail = text(el, 'approval-trail');
    expect(trail).toContain('Released by Maria Keller (line manager), Fri 2 Jan 2099, 09:30 UTC: “She is ready.”');
    expect(el.textContent).not.toContain('e58ef965');
    expect(el.textContent).not.toContain('PM b71c0d2a');
    expect(trail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows both decisions of a booked request with each manager’s role', async () => {
    const booked: RotationRequest = {
      ...request,
      status: 'booked',
      placementId: 'p1',
      approvals: [
        {
          step: 'manager',
          decision: 'approved',
          byId: 'm1',
          byName: 'Maria Schneider',
          comment: '',
          at: '2099-01-02T09:30:00.000Z',
        },
        {
          step: 'host',
          decision: 'approved',
          byId: 'm2',
          byName: 'Sam Whitaker',
          comment: '',
          at: '2099-01-03T14:00:00.000Z',
        },
      ],
    };
    const el = await open(null, booked, maria);
    const lines = [...el.querySelectorAll('[data-testid="approval-trail"] li')].map((li) => li.textContent?.trim());
    expect(lines).toEqual([
      'Released by Maria Schneider (line manager), Fri 2 Jan 2099, 09:30 UTC',
      'Approved by Sam Whitaker (host manager), Sat 3 Jan 2099, 14:00 UTC',
    ]);
  });

  it('starts the Reject dialog with the comment already typed on the page, and sends it', async () => {
    const el = await open(free);
    const field = el.querySelector<HTMLTextAreaElement>('.decision textarea') as HTMLTextAreaElement;
    field.value = 'Q4 launch needs you here.';
    field.dispatchEvent(new Event('input'));
    button(el, 'Reject…').click();
    await settle();

    const dialog = document.querySelector<HTMLElement>('[role="dialog"]') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toContain('Reject request');
    expect(dialog.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('Q4 launch needs you here.');

    button(dialog, 'Reject request').click();
    const call = http.expectOne('/api/rotation-requests/r1/reject');
    expect(call.request.body).toEqual({ step: 'manager', comment: 'Q4 launch needs you here.' });
    call.flush({
      ...request,
      status: 'rejected',
      approvals: [
        {
          step: 'manager',
          decision: 'rejected',
          byId: 'm1',
          byName: 'Maria Schneider',
          comment: 'Q4 launch needs you here.',
          at: '2099-01-02T09:30:00.000Z',
        },
      ],
    });
    await settle();
    await settle();
    expect(text(el, 'request-status')).toContain('Rejected');
    expect(text(el, 'approval-trail')).toContain(
      'Rejected by Maria Schneider (line manager), Fri 2 Jan 2099, 09:30 UTC: “Q4 launch needs you here.”',
    );
  });

  it('opens the Reject dialog empty when nothing was typed', async () => {
    const el = await open(free);
    button(el, 'Reject…').click();
    await settle();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]') as HTMLElement;
    expect(dialog.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('');
    button(dialog, 'Keep it').click();
    await settle();
  });
});
