import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Team, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { CapacityPage } from './capacity-page';

const kai: User = {
  id: 'm3',
  email: 'kai@x',
  name: 'Kai Tan',
  role: 'manager',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const team: Team = {
  id: '9a9a9a9a-0000-4000-8000-000000000009',
  name: 'APAC Growth',
  region: 'APAC',
  segment: 'Growth',
  managerId: 'm3',
  capacity: 1,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
};
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

describe('CapacityPage', () => {
  it('colours each team-week, marks blackouts, and opens the placements behind a cell from the URL', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'capacity', component: CapacityPage }]),
        { provide: SessionService, useValue: { user: signal(kai), hasRole: () => true } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/capacity?from=2027-01-04&weeks=4');
    const fixture = TestBed.createComponent(CapacityPage);
    fixture.detectChanges();
    const weeks = http.expectOne((r) => r.url === '/api/stats/capacity');
    expect(weeks.request.params.get('to')).toBe('2027-01-31');
    weeks.flush(
      ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'].map((weekStart, i) => ({
        teamId: '9a9a9a9a-0000-4000-8000-000000000009',
        weekStart,
        booked: i === 1 ? 1 : 0,
        capacity: 1,
      })),
    );
    http
      .expectOne((r) => r.url === '/api/blackouts')
      .flush(
        page([
          {
            id: 'b',
            teamId: '9a9a9a9a-0000-4000-8000-000000000009',
            startsOn: '2027-01-18',
            endsOn: '2027-01-24',
            reason: 'Chinese New Year',
          },
        ]),
      );
    http.expectOne((r) => r.url === '/api/teams').flush(page([team]));
    http.expectOne((r) => r.url === '/api/users').flush(page([kai]));
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const full = el.querySelector(
      '[data-testid="cell-9a9a9a9a-0000-4000-8000-000000000009-2027-01-11"]',
    ) as HTMLButtonElement;
    expect(full.textContent?.trim()).toBe('1/1');
    expect(full.getAttribute('aria-label')).toBe('APAC Growth, week of 11 Jan 2027: 1 of 1 booked, full');
    expect(full.style.background).toBe('rgb(179, 38, 30)');
    expect(
      el
        .querySelector('[data-testid="cell-9a9a9a9a-0000-4000-8000-000000000009-2027-01-18"]')
        ?.getAttribute('aria-label'),
    ).toContain('blackout all week (Chinese New Year)');

    full.click();
    await fixture.whenStable();
    expect(router.url).toBe(
      '/capacity?from=2027-01-04&weeks=4&team=9a9a9a9a-0000-4000-8000-000000000009&week=2027-01-11',
    );
    fixture.detectChanges();
    const behind = http.expectOne((r) => r.url === '/api/placements');
    expect(behind.request.params.get('teamId')).toBe('9a9a9a9a-0000-4000-8000-000000000009');
    expect(behind.request.params.get('from')).toBe('2027-01-11');
    expect(behind.request.params.get('to')).toBe('2027-01-17');
    behind.flush({ items: [], total: 0, page: 1, pageSize: 10 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="cell-panel"]')?.textContent).toContain(
      'No placements in this team that week.',
    );
    http.verify();
  });
});
