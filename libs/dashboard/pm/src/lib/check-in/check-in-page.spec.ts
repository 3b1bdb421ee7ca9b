import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CheckIn, Placement, User, UserRole } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { CheckInPage } from './check-in-page';

const person = (id: string, name: string, role: UserRole, managerId: string | null = null): User => ({
  id,
  email: `${id}@x`,
  name,
  role,
  managerId,
  timezone: 'UTC',
  active: true,
});
const pm = person('pm1', 'Lena', 'pm', 'm1');
const maria = person('m1', 'Maria Schneider', 'manager');
const host = person('h1', 'Hugo Host', 'manager');

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
  owner: 'pm',
  wouldSendAgain: null,
  goalOutcomes: null,
  assessment: null,
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
const final: CheckIn = {
  ...kickoff,
  id: 'c9',
  kind: 'final',
  scheduledAt: '2099-01-16T10:00:00.000Z',
  opensOn: '2099-01-16',
};
const pulse: CheckIn = {
  ...kickoff,
  id: 'c10',
  kind: 'pulse',
  owner: 'line_manager',
  scheduledAt: '2099-03-19T10:00:00.000Z',
  opensOn: '2099-03-19',
};
const placement: Placement = {
  id: 'p1',
  requestId: 'r1',
  pmId: 'pm1',
  pmName: 'Lena',
  teamId: 't1',
  startDate: '2099-01-05',
  endDate: '2099-01-18',
  durationWeeks: 2,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [kickoff],
};
const SKILLS = ['negotiation', 'closing', 'persistence', 'discovery calls'];
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

/** Only the date is faked: the page's own timers and Angular's scheduling run for real. */
function itIsNow(iso: string): void {
  jest.useFakeTimers({ now: new Date(iso), doNotFake: ['nextTick', 'queueMicrotask', 'setTimeout', 'clearTimeout'] });
}

describe('CheckInPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CheckInPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  /** Opens the page as `user`; the directory lists `people` (a PM sees only themselves). */
  async function open(user: User, checkIn: CheckIn, people: User[] = [user, pm, maria]): Promise<void> {
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
    http.expectOne((r) => r.url === '/api/teams').flush(page([{ id: 't1', name: 'NA SMB', managerId: 'h1' }]));
    http.expectOne((r) => r.url === '/api/users').flush(page(people));
    http.expectOne('/api/policy').flush({ skills: SKILLS, pulseAfterDays: 60 });
    await reread(checkIn);
    el = fixture.nativeElement as HTMLElement;
  }

  /** The page reads the check-in, its placement and the PM's check-ins (again after a save). */
  async function reread(checkIn: CheckIn): Promise<void> {
    await settle();
    http.expectOne(`/api/check-ins/${checkIn.id}`).flush(checkIn);
    http.expectOne('/api/placements/p1').flush({ ...placement, checkIns: [checkIn] });
    await settle();
    http
      .expectOne((r) => r.url === '/api/placements' && r.params.get('pmId') === 'pm1')
      .flush(page([{ ...placement, checkIns: [earlier, checkIn] }]));
    await settle();
  }

  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  const group = (name: string) =>
    [...el.querySelectorAll('mat-radio-group')].find((g) => {
      const label =
        g.getAttribute('aria-label') ?? el.querySelector(`#${g.getAttribute('aria-labelledby')}`)?.textContent;
      return label?.trim() === name;
    });
  function pick(name: string, value: string): void {
    const input = group(name)?.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`);
    if (!input) throw new Error(`no ${value} in ${name}`);
    input.click();
  }
  function type(label: string, value: string): void {
    const field = [...el.querySelectorAll('mat-form-field')].find(
      (f) => f.querySelector('mat-label')?.textContent === label,
    );
    const area = field?.querySelector('textarea');
    if (!area) throw new Error(`no ${label}`);
    area.value = value;
    area.dispatchEvent(new Event('input'));
  }

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks the PM for a rating per policy skill and notes, then shows how the ratings moved', async () => {
    itIsNow('2099-01-05T10:30:00.000Z');
    await open(pm, kickoff, [pm]);
    expect(el.querySelector('h1')?.textContent).toContain('Kick-off');
    expect(text()).toContain('Your reflection');
    expect(el.querySelector('[data-testid="trend"]')).toBeNull();

    button('Complete check-in')?.click();
    await settle();
    http.expectNone('/api/check-ins/c1/complete');
    expect(text()).toContain('Rate negotiation from 1 to 5.');
    expect(text()).toContain('Rate discovery calls from 1 to 5.');
    expect(text()).toContain('Rate every skill from 1 to 5 before saving.');

    pick('Negotiation', '3');
    pick('Closing', '2');
    pick('Persistence', '4');
    pick('Discovery calls', '5');
    type('Notes', '  Picked three deals to follow.  ');
    button('Complete check-in')?.click();
    await settle();

    const call = http.expectOne('/api/check-ins/c1/complete');
    expect(call.request.body).toEqual({
      ratings: { negotiation: 3, closing: 2, persistence: 4, 'discovery calls': 5 },
      notes: 'Picked three deals to follow.',
    });
    const ratings = { negotiation: 3, closing: 2, persistence: 4, 'discovery calls': 5 };
    const done: CheckIn = { ...kickoff, status: 'completed', completedAt: '2099-01-05T11:00:00.000Z', ratings };
    call.flush(done);
    await reread(done);

    expect(el.querySelector('[data-testid="check-in-status"]')?.textContent).toContain('Completed');
    expect(el.querySelector('[data-testid="reflection"]')?.textContent).toContain('Discovery calls');
    expect(el.querySelectorAll('[data-testid="trend-table"] tbody tr')).toHaveLength(2);
    expect(el.querySelector('[data-testid="trend-change"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Negotiation +2',
    );
  });

  it("before the check-in's day, tells the PM when the reflection opens instead of offering a form", async () => {
    itIsNow('2098-11-20T12:00:00.000Z');
    await open(pm, kickoff, [pm]);
    expect(el.querySelector('[data-testid="opens-on"]')?.textContent).toContain(
      'Your reflection opens on Mon 5 Jan 2099, the day of this check-in.',
    );
    expect(el.querySelector('form')).toBeNull();
    expect(button('Complete check-in')).toBeUndefined();
  });

  it("counts the day in the PM's time zone, and works it out when the API does not say it", async () => {
    // 06:00 UTC on the 5th is still the evening of the 4th in Los Angeles.
    itIsNow('2099-01-05T06:00:00.000Z');
    await open({ ...pm, timezone: 'America/Los_Angeles' }, { ...kickoff, opensOn: undefined }, [pm]);
    expect(el.querySelector('[data-testid="opens-on"]')?.textContent).toContain('Mon 5 Jan 2099');
    expect(el.querySelector('form')).toBeNull();
  });

  it("at the final check-in, asks the PM about each of the request's learning goals", async () => {
    itIsNow('2099-01-16T12:00:00.000Z');
    await open(pm, final, [pm]);
    http.expectOne('/api/rotation-requests/r1').flush({ id: 'r1', goals: ['negotiation', 'Run a discovery call'] });
    await settle();
    expect(group('Learning goal: Negotiation')).toBeDefined();
    expect(group('Learning goal: Run a discovery call')).toBeDefined();
    expect(text()).toContain('The host team’s manager has not assessed you yet.');
  });

  it('offers the host team’s manager the assessment at the final check-in, and nobody else', async () => {
    itIsNow('2099-01-16T12:00:00.000Z');
    await open(host, final, [host]);
    expect(el.querySelector('h2#assess-heading')?.textContent).toContain('Your assessment of Lena');
    expect(button('Save assessment')).toBeDefined();
    expect(group('Discovery calls')).toBeDefined();
    expect(text()).not.toContain('Your reflection');
    fixture.destroy();
    TestBed.resetTestingModule();

    await open(maria, final);
    expect(button('Save assessment')).toBeUndefined();
    expect(el.querySelector('[data-testid="assessment-pending"]')?.textContent).toContain(
      'The host team’s manager has not assessed Lena yet.',
    );
  });

  it('shows a manager the reflection and lets them add feedback', async () => {
    const done: CheckIn = {
      ...kickoff,
      status: 'completed',
      ratings: { negotiation: 2, closing: 2, persistence: 3 },
      notes: 'Met the team.',
    };
    await open(maria, done);
    expect(text()).not.toContain('Your reflection');
    expect(el.querySelector('[data-testid="reflection"]')?.textContent).toContain('Met the team.');
    expect(el.querySelector('lib-assessment-card')).toBeNull();

    const area = el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="text"]');
    if (!area) throw new Error('no feedback field');
    area.value = 'Ask for the next step.';
    area.dispatchEvent(new Event('input'));
    button('Add feedback')?.click();
    await settle();
    const call = http.expectOne('/api/check-ins/c1/feedback');
    expect(call.request.body).toEqual({ text: 'Ask for the next step.' });
    const withFeedback = {
      ...done,
      feedback: [
        { byId: 'm1', byName: 'Maria Schneider', text: 'Ask for the next step.', at: '2099-01-06T09:00:00.000Z' },
      ],
    };
    call.flush(withFeedback);
    await reread(withFeedback);
    expect(el.querySelector('[data-testid="feedback"]')?.textContent).toContain('Maria Schneider');
  });

  it("gives the PM's line manager the pulse as one form (no reflection, feedback or trend); the PM reads it", async () => {
    itIsNow('2099-03-19T12:00:00.000Z');
    await open(maria, pulse);
    expect(el.querySelector('h1')?.textContent).toContain('Pulse after return');
    expect(el.querySelector('h2#pulse-heading')?.textContent).toContain('Your pulse on Lena');
    expect(group('How well does Lena apply discovery calls now?')).toBeDefined();
    expect(group('Would you send another PM on a rotation?')).toBeDefined();
    expect(button('Save pulse')).toBeDefined();
    expect(text()).not.toContain('Reflection');
    expect(el.querySelector('[data-testid="feedback"]')).toBeNull();
    expect(el.querySelector('[data-testid="trend"]')).toBeNull();
    fixture.destroy();
    TestBed.resetTestingModule();

    // The PM sees their pulse read-only and is never offered a reflection on it.
    await open(pm, pulse, [pm]);
    expect(text()).not.toContain('Your reflection');
    expect(button('Save pulse')).toBeUndefined();
    expect(el.querySelector('[data-testid="pulse-pending"]')?.textContent).toContain('your line manager says');
  });

  it('names the PM and the team to a manager, and calls the ratings theirs, not "your"', async () => {
    // The host team's manager cannot list the PM: the names come with the check-in.
    const done: CheckIn = {
      ...kickoff,
      status: 'completed',
      completedAt: '2099-01-05T11:00:00.000Z',
      ratings: { negotiation: 3, closing: 2, persistence: 4 },
      pmName: 'Lena Hoffmann',
      teamName: 'NA SMB',
    };
    await open(host, done, [host]);
    expect(el.querySelector('h1')?.textContent?.replace(/\s+/g, ' ')).toContain('Kick-off · Lena Hoffmann in NA SMB');
    expect(text()).toContain('Lena’s ratings over time');
    expect(el.querySelector('[data-testid="trend-table"] caption')?.textContent?.trim()).toBe(
      'Lena’s self-ratings per check-in, 1 to 5',
    );
    expect(el.querySelector('[data-testid="trend"] svg')?.getAttribute('aria-label')).toContain(
      'Lena’s self-ratings over 2 check-ins',
    );
    expect(text()).not.toMatch(/your self-ratings|your ratings/i);
  });

  it('tells a manager who has not filed the reflection yet, by name', async () => {
    await open(maria, { ...kickoff, pmName: 'Lena Hoffmann', teamName: 'NA SMB' });
    expect(text()).toContain('Lena has not filed a reflection yet.');
    expect(el.querySelector('[data-testid="check-in-who"]')?.textContent).toContain('Lena Hoffmann in NA SMB');
  });

  it('keeps "your" for the PM, whose heading needs no name', async () => {
    itIsNow('2099-01-05T10:30:00.000Z');
    const done: CheckIn = {
      ...kickoff,
      status: 'completed',
      completedAt: '2099-01-05T11:00:00.000Z',
      ratings: { negotiation: 3, closing: 2, persistence: 4 },
      pmName: 'Lena Hoffmann',
      teamName: 'NA SMB',
    };
    await open(pm, done, [pm]);
    expect(el.querySelector('[data-testid="check-in-who"]')).toBeNull();
    expect(text()).toContain('Your ratings over time');
    expect(el.querySelector('[data-testid="trend-table"] caption')?.textContent?.trim()).toBe(
      'Your self-ratings per check-in, 1 to 5',
    );
  });
});
