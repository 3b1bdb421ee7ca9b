import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { InteractivityChecker } from '@angular/cdk/a11y';
import { Injectable, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import type { Blackout, Placement, RotationRequest, Team, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { TimelinePage } from './timeline-page';

const sam: User = {
  id: 'm2',
  email: 'sam@x',
  name: 'Sam Whitaker',
  role: 'manager',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const teams: Team[] = [
  {
    id: 't1',
    name: 'NA SMB',
    region: 'NA',
    segment: 'SMB',
    managerId: 'm2',
    capacity: 2,
    timezone: 'UTC',
    holidayCountry: null,
    active: true,
  },
  {
    id: 't2',
    name: 'EMEA Enterprise',
    region: 'EMEA',
    segment: 'Enterprise',
    managerId: 'm1',
    capacity: 3,
    timezone: 'UTC',
    holidayCountry: null,
    active: true,
  },
];
const placement: Placement = {
  id: 'p1',
  requestId: 'r1',
  pmId: 'pm-unknown-to-sam',
  teamId: 't1',
  startDate: '2027-01-11',
  endDate: '2027-01-24',
  durationWeeks: 2,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [],
};
/** Hosted by Maria: Sam sees it but may not move it. */
const elsewhere: Placement = { ...placement, id: 'p2', requestId: 'r2', teamId: 't2', pmId: 'pm-other' };
const pending = (id: string, over: Partial<RotationRequest>): RotationRequest & { pmName: string } => ({
  id,
  pmId: `pm-${id}`,
  pmName: 'Ana Lopez',
  teamId: 't1',
  startDate: '2027-01-18',
  endDate: '2027-01-31',
  durationWeeks: 2,
  goals: [],
  motivation: '',
  status: 'pending_host',
  approvals: [],
  placementId: null,
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  ...over,
});
const quarterEnd: Blackout = {
  id: 'b-global',
  teamId: null,
  startsOn: '2027-01-25',
  endsOn: '2027-01-29',
  reason: 'Quarter-end close',
};
const kickOff: Blackout = {
  id: 'b-t1',
  teamId: 't1',
  startsOn: '2027-01-04',
  endsOn: '2027-01-06',
  reason: 'Sales kick-off',
};
const outside: Blackout = {
  id: 'b-later',
  teamId: null,
  startsOn: '2027-03-01',
  endsOn: '2027-03-05',
  reason: 'Later',
};

/** jsdom lays nothing out, so the dialog would find no visible button to focus first. */
@Injectable()
class LayoutFreeChecker extends InteractivityChecker {
  override isVisible(): boolean {
    return true;
  }
}

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

describe('TimelinePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TimelinePage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  /** Opens the timeline at `url` and answers its reads: the window (placements, pending requests, blackouts) and the directory. */
  async function open(
    url: string,
    data: { placements?: Placement[]; requests?: RotationRequest[]; blackouts?: Blackout[] } = {},
  ): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'timeline', component: TimelinePage }]),
        { provide: SessionService, useValue: { user: signal(sam), hasRole: () => true } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: InteractivityChecker, useClass: LayoutFreeChecker },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(TimelinePage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const asked = http.expectOne((r) => r.url === '/api/timeline');
    asked.flush({
      from: asked.request.params.get('from'),
      to: asked.request.params.get('to'),
      placements: data.placements ?? [placement],
      pendingRequests: data.requests ?? [],
      blackouts: data.blackouts ?? [],
      truncated: false,
    });
    http.expectOne((r) => r.url === '/api/teams').flush(page(teams));
    http.expectOne((r) => r.url === '/api/users').flush(page([sam]));
    await settle();
  }

  const bar = (id: string) => el.querySelector<HTMLAnchorElement>(`[data-testid="bar-${id}"]`) as HTMLAnchorElement;
  const key = (target: HTMLElement, k: string, shiftKey = false) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
  const button = (root: ParentNode, label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label);

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('draws the range from the URL: a row group per team with its capacity, bars as links placed by date', async () => {
    await open('/timeline?from=2027-01-06&weeks=4');
    // Sam's own team only: EMEA Enterprise has no bars and is not his.
    expect(Array.from(el.querySelectorAll('section h3')).map((h) => h.textContent)).toEqual(['NA SMB']);
    expect(el.textContent).toContain('Capacity 2 · at most 1 booked');
    expect(el.querySelectorAll('.lane').length).toBe(2);
    const link = bar('p1');
    expect(link.getAttribute('href')).toBe('/placements/p1');
    expect(link.style.left).toBe('25%');
    expect(link.style.width).toBe('50%');
    // A PM from another line shows by id, never as a blank; the team and the dates in words go with it.
    expect(link.getAttribute('aria-label')).toBe('PM pm-unkno, NA SMB, Mon 11 Jan 2027 – Sun 24 Jan 2027, scheduled');
    expect(link.getAttribute('aria-label')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('asks once for the window snapped to whole weeks, of the chosen team only', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'timeline', component: TimelinePage }]),
        { provide: SessionService, useValue: { user: signal(sam), hasRole: () => true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const team = '6f1c2b7e-0000-4000-8000-000000000001';
    await TestBed.inject(Router).navigateByUrl(`/timeline?from=2027-01-06&weeks=4&team=${team}`);
    fixture = TestBed.createComponent(TimelinePage);
    fixture.detectChanges();
    const window = http.expectOne((r) => r.url === '/api/timeline');
    expect(window.request.params.get('from')).toBe('2027-01-04');
    expect(window.request.params.get('to')).toBe('2027-01-31');
    expect(window.request.params.get('teamId')).toBe(team);
    // One request for the whole screen: no list is paged through.
    expect(http.match((r) => ['/api/placements', '/api/rotation-requests', '/api/blackouts'].includes(r.url))).toEqual(
      [],
    );
    window.flush({
      from: '2027-01-04',
      to: '2027-01-31',
      placements: [],
      pendingRequests: [],
      blackouts: [],
      truncated: false,
    });
    http.expectOne((r) => r.url === '/api/teams').flush(page(teams));
    http.expectOne((r) => r.url === '/api/users').flush(page([sam]));
  });

  it('lays blackouts as hatched bands across the rows of the teams they apply to, with what and when in words', async () => {
    await open('/timeline?from=2027-01-04&weeks=4', {
      placements: [placement, elsewhere],
      blackouts: [quarterEnd, kickOff, outside],
    });
    const smb = el.querySelector('[data-testid="timeline-team-t1"]') as HTMLElement;
    const emea = el.querySelector('[data-testid="timeline-team-t2"]') as HTMLElement;
    const bands = (group: HTMLElement) => Array.from(group.querySelectorAll<HTMLElement>('.band'));
    expect(bands(smb).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Blackout: Sales kick-off, Mon 4 Jan 2027 – Wed 6 Jan 2027',
      'Blackout: Quarter-end close, Mon 25 Jan 2027 – Fri 29 Jan 2027, all teams',
    ]);
    // The team's own blackout stays in its rows; the global one crosses every team.
    expect(bands(emea).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Blackout: Quarter-end close, Mon 25 Jan 2027 – Fri 29 Jan 2027, all teams',
    ]);
    const global = bands(smb)[1] as HTMLElement;
    expect(global.getAttribute('role')).toBe('img');
    expect(global.tabIndex).toBe(0);
    expect(global.style.left).toBe('75%');
    expect(parseFloat(global.style.width)).toBeCloseTo((5 / 28) * 100);
    expect(el.textContent).toContain('Blackout');
  });

  it('draws pending requests as outlined ghost bars in their team, saying what they wait for', async () => {
    await open('/timeline?from=2027-01-04&weeks=4', {
      requests: [
        pending('q1', {}),
        pending('q2', {
          status: 'pending_manager',
          pmName: 'Bo Chen',
          pmId: 'pm-bo',
          teamId: 't2',
        } as Partial<RotationRequest>),
        pending('q3', { status: 'offered', startDate: '2027-01-25', endDate: '2027-02-07' }),
      ],
    });
    const ghost = el.querySelector<HTMLAnchorElement>('[data-testid="ghost-q1"]') as HTMLAnchorElement;
    expect(ghost.classList).toContain('ghost');
    expect(ghost.classList).not.toContain('s-scheduled');
    expect(ghost.textContent?.trim()).toBe('Ana Lopez');
    expect(ghost.getAttribute('aria-label')).toBe(
      'Pending: Ana Lopez, NA SMB, Mon 18 Jan 2027 – Sun 31 Jan 2027, waiting for the host',
    );
    expect(ghost.getAttribute('href')).toBe('/approvals/q1');
    expect(ghost.style.left).toBe('50%');
    expect(ghost.style.width).toBe('50%');
    // Not in the booked bar's row: p1 runs to 24 Jan.
    expect(ghost.style.top).not.toBe(bar('p1').style.top);
    expect(el.querySelector('[data-testid="ghost-q3"]')?.getAttribute('aria-label')).toBe(
      'Pending: Ana Lopez, NA SMB, Mon 25 Jan 2027 – Sun 7 Feb 2027, place held, waiting for the PM to accept',
    );
    // A team Sam does not run appears for a request waiting in it.
    expect(
      el.querySelector('[data-testid="timeline-team-t2"] [data-testid="ghost-q2"]')?.getAttribute('aria-label'),
    ).toBe('Pending: Bo Chen, EMEA Enterprise, Mon 18 Jan 2027 – Sun 31 Jan 2027, waiting for the line manager');
    expect(el.querySelector('.legend')?.textContent).toContain('Pending request');
  });

  it('moves a bar with the keyboard, shows the new dates, and reschedules after a confirmation', async () => {
    await open('/timeline?from=2027-01-04&weeks=4');
    const link = bar('p1');
    expect(link.getAttribute('aria-describedby')).toBe('tl-move-help');
    link.focus();
    key(link, 'ArrowRight');
    await settle();
    expect(el.querySelector('[data-testid="move-proposal"]')?.textContent).toContain(
      'New dates for PM pm-unkno: Tue 12 Jan 2027 – Mon 25 Jan 2027, 1 day later.',
    );
    key(link, 'ArrowLeft');
    key(link, 'ArrowRight', true);
    await settle();
    // A week later: the bar stands at its new place and says its new dates.
    expect(link.style.left).toBe('50%');
    expect(el.querySelector('[data-testid="proposed-dates"]')?.textContent).toBe('Mon 18 Jan 2027 – Sun 31 Jan 2027');
    expect(el.querySelector('[data-testid="move-proposal"]')?.textContent).toContain('1 week later. Press Enter');
    http.expectNone((r) => r.url.endsWith('/reschedule'));

    key(link, 'Enter');
    await settle();
    const open_ = dialog() as HTMLElement;
    expect(open_.textContent).toContain(
      'PM pm-unkno in NA SMB: from Mon 11 Jan 2027 – Sun 24 Jan 2027 to Mon 18 Jan 2027 – Sun 31 Jan 2027 (1 week later).',
    );
    button(open_, 'Reschedule')?.click();
    await settle();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/placements/p1/reschedule');
    expect(post.request.body).toEqual({ startDate: '2027-01-18', durationWeeks: 2 });
    post.flush({ ...placement, startDate: '2027-01-18', endDate: '2027-01-31' });
    await settle();

    expect(dialog()).toBeNull();
    expect(bar('p1').style.left).toBe('50%');
    expect(bar('p1').getAttribute('aria-label')).toBe(
      'PM pm-unkno, NA SMB, Mon 18 Jan 2027 – Sun 31 Jan 2027, scheduled',
    );
    expect(el.querySelector('[data-testid="proposed-dates"]')).toBeNull();
    expect(el.querySelector('[data-testid="move-result"]')?.textContent).toContain(
      'Rescheduled PM pm-unkno to Mon 18 Jan 2027 – Sun 31 Jan 2027.',
    );
  });

  it('says in words why the API refused a move, and puts the bar back', async () => {
    await open('/timeline?from=2027-01-04&weeks=4');
    const link = bar('p1');
    key(link, 'ArrowRight', true);
    key(link, 'Enter');
    await settle();
    button(dialog() as HTMLElement, 'Reschedule')?.click();
    await settle();
    http.expectOne('/api/placements/p1/reschedule').flush(
      {
        statusCode: 409,
        code: 'CAPACITY_FULL',
        message: 'NA SMB is full from Mon 18 Jan 2027 to Sun 24 Jan 2027.',
        details: { suggestions: [] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Not moved: NA SMB is full from Mon 18 Jan 2027 to Sun 24 Jan 2027.',
    );
    button(dialog() as HTMLElement, 'Close')?.click();
    await settle();
    expect(dialog()).toBeNull();
    expect(bar('p1').style.left).toBe('25%');
    expect(el.querySelector('[data-testid="move-result"]')?.textContent).toContain(
      'Not moved: NA SMB is full from Mon 18 Jan 2027 to Sun 24 Jan 2027. PM pm-unkno keeps Mon 11 Jan 2027 – Sun 24 Jan 2027.',
    );
  });

  it('drops a keyboard move on Escape, and keeps the dates when the confirmation is declined', async () => {
    await open('/timeline?from=2027-01-04&weeks=4');
    const link = bar('p1');
    key(link, 'ArrowLeft', true);
    await settle();
    expect(link.style.left).toBe('0%');
    key(link, 'Escape');
    await settle();
    expect(link.style.left).toBe('25%');
    expect(el.querySelector('[data-testid="move-proposal"]')?.textContent?.trim()).toBe('');

    key(link, 'ArrowRight');
    key(link, 'Enter');
    await settle();
    button(dialog() as HTMLElement, 'Keep the dates')?.click();
    await settle();
    http.expectNone((r) => r.url.endsWith('/reschedule'));
    expect(link.style.left).toBe('25%');
  });

  it('drags a bar by whole days, does not open it on drop, and asks before moving it', async () => {
    await open('/timeline?from=2027-01-04&weeks=4');
    const link = bar('p1');
    const track = link.closest('.track') as HTMLElement;
    // jsdom lays nothing out: the track is 560 px wide, 20 px a day.
    track.getBoundingClientRect = () => ({ width: 560 }) as DOMRect;
    // This jsdom has no PointerEvent: a mouse event with a pointer id stands in.
    const pointer = (type: string, clientX: number) => {
      const event = new MouseEvent(type, { clientX, button: 0, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'pointerId', { value: 1 });
      link.dispatchEvent(event);
    };
    pointer('pointerdown', 100);
    pointer('pointermove', 150);
    pointer('pointermove', 243);
    await settle();
    // 143 px: 7 days.
    expect(link.style.left).toBe('50%');
    expect(el.querySelector('[data-testid="proposed-dates"]')?.textContent).toBe('Mon 18 Jan 2027 – Sun 31 Jan 2027');
    pointer('pointerup', 243);
    // The click that ends the drag does not open the placement.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await settle();
    expect(TestBed.inject(Router).url).toBe('/timeline?from=2027-01-04&weeks=4');
    button(dialog() as HTMLElement, 'Reschedule')?.click();
    await settle();
    const post = http.expectOne('/api/placements/p1/reschedule');
    expect(post.request.body).toEqual({ startDate: '2027-01-18', durationWeeks: 2 });
    post.flush({ ...placement, startDate: '2027-01-18', endDate: '2027-01-31' });
    await settle();
    expect(bar('p1').style.left).toBe('50%');
  });

  it('keeps bars of teams the viewer does not host read-only', async () => {
    await open('/timeline?from=2027-01-04&weeks=4', { placements: [placement, elsewhere] });
    const theirs = bar('p2');
    expect(theirs.getAttribute('aria-describedby')).toBeNull();
    expect(theirs.classList).not.toContain('movable');
    key(theirs, 'ArrowRight', true);
    key(theirs, 'Enter');
    await settle();
    expect(theirs.style.left).toBe('25%');
    expect(dialog()).toBeNull();
    expect(el.querySelector('[data-testid="move-proposal"]')?.textContent?.trim()).toBe('');
  });
});
