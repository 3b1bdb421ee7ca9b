import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Placement, Team, User } from '@stint/contracts';
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

describe('TimelinePage', () => {
  it('draws the range from the URL: a row group per team with its capacity, bars as links placed by date', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'timeline', component: TimelinePage }]),
        { provide: SessionService, useValue: { user: signal(sam), hasRole: () => true } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/timeline?from=2027-01-06&weeks=4');
    const fixture = TestBed.createComponent(TimelinePage);
    fixture.detectChanges();
    const list = http.expectOne((r) => r.url === '/api/placements');
    // The range snaps to the Monday and ends on the last Sunday.
    expect(list.request.params.get('from')).toBe('2027-01-04');
    expect(list.request.params.get('to')).toBe('2027-01-31');
    list.flush({ items: [placement], total: 1, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/teams').flush({ items: teams, total: 2, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/users').flush({ items: [sam], total: 1, page: 1, pageSize: 200 });
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    // Sam's own team only: EMEA Enterprise has no bars and is not his.
    expect([...el.querySelectorAll('section h3')].map((h) => h.textContent)).toEqual(['NA SMB']);
    expect(el.textContent).toContain('Capacity 2 · at most 1 booked');
    expect(el.querySelectorAll('.lane').length).toBe(2);
    const bar = el.querySelector('a.bar') as HTMLAnchorElement;
    expect(bar.getAttribute('href')).toBe('/placements/p1');
    expect(bar.style.left).toBe('25%');
    expect(bar.style.width).toBe('50%');
    // A PM from another line shows by id, never as a blank.
    expect(bar.getAttribute('aria-label')).toBe('PM pm-unkno, 11 Jan 2027 to 24 Jan 2027, scheduled');
    http.verify();
  });
});
