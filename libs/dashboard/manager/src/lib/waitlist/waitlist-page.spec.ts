import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Team, TeamWaitlist, User, WaitlistEntry } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { WaitlistPage } from './waitlist-page';

const admin: User = {
  id: 'a1',
  email: 'admin@x',
  name: 'Ada Admin',
  role: 'admin',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const sam: User = { ...admin, id: 'm2', email: 'sam@x', name: 'Sam Whitaker', role: 'manager' };
const team = (id: string, name: string, managerId: string): Team => ({
  id,
  name,
  region: 'NA',
  segment: 'SMB',
  managerId,
  capacity: 1,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
});
const waiting = (requestId: string, pmName: string, position: number): WaitlistEntry => ({
  requestId,
  pmId: `pm-${requestId}`,
  pmName,
  startDate: '2099-03-02',
  endDate: '2099-03-15',
  durationWeeks: 2,
  status: 'waitlisted',
  waitlistPosition: position,
  waitlistedAt: '2099-01-01T09:00:00.000Z',
  offerExpiresAt: null,
});
const line: TeamWaitlist = {
  teamId: 't1',
  teamName: 'NA SMB',
  capacity: 1,
  items: [waiting('r1', 'Lena Hoffmann', 1), waiting('r2', 'Omar Haddad', 2)],
};

describe('WaitlistPage', () => {
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      TestBed.tick();
    }
  }

  async function open(viewer: User, answer: TeamWaitlist | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { user: signal(viewer) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WaitlistPage);
    fixture.detectChanges();
    const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
    http
      .expectOne((r) => r.url === '/api/teams')
      .flush(page([team('t1', 'NA SMB', 'm2'), team('t2', 'Pacific', 'm9')]));
    http.expectOne((r) => r.url === '/api/users').flush(page([admin, sam]));
    await settle();
    if (answer) http.expectOne('/api/teams/t1/waitlist').flush(answer);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  const button = (el: HTMLElement, label: string) =>
    el.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`) as HTMLButtonElement;

  afterEach(() => http.verify());

  it("shows a manager their team's line in order, without reordering, and who is waiting since when", async () => {
    const el = await open(sam, line);
    const rows = [...el.querySelectorAll('[data-testid="waitlist-table"] tr')].slice(1).map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Lena Hoffmann');
    expect(rows[0]).toContain('Next in line');
    expect(rows[1]).toContain('Waiting, number 2 in line');
    expect(rows[1]).toContain('Thu 1 Jan 2099, 09:00');
    expect(el.textContent).toContain('NA SMB takes 1 place a day.');
    expect(button(el, 'Move Omar Haddad up')).toBeNull();
  });

  it('lets an admin move a request up: the whole new order goes to the API', async () => {
    const el = await open(admin, line);
    expect(button(el, 'Move Lena Hoffmann up').disabled).toBe(true);
    button(el, 'Move Omar Haddad up').click();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/teams/t1/waitlist');
    expect(put.request.body).toEqual({ requestIds: ['r2', 'r1'] });
    put.flush({ ...line, items: [waiting('r2', 'Omar Haddad', 1), waiting('r1', 'Lena Hoffmann', 2)] });
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Moved Omar Haddad up: now number 1 in line.');
    const first = el.querySelectorAll('[data-testid="waitlist-table"] tr')[1]?.textContent;
    expect(first).toContain('Omar Haddad');
  });

  it('reloads and says so when the line changed meanwhile', async () => {
    const el = await open(admin, line);
    button(el, 'Move Lena Hoffmann down').click();
    http
      .expectOne((r) => r.method === 'PUT')
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: 'The waitlist changed since it was read.', details: {} },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    http.expectOne('/api/teams/t1/waitlist').flush({ ...line, items: [waiting('r2', 'Omar Haddad', 1)] });
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('The waitlist changed since it was loaded');
    expect(el.textContent).not.toContain('Lena Hoffmann');
  });

  it('says when nobody is waiting', async () => {
    const el = await open(sam, { ...line, items: [] });
    expect(el.textContent).toContain('Nobody is waiting for NA SMB.');
  });
});
