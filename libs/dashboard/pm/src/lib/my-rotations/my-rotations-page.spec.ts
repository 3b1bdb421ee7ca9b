import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Placement, RotationRequest } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { MyRotationsPage } from './my-rotations-page';

const request: RotationRequest = {
  id: 'r1',
  pmId: 'pm1',
  pmName: 'Ana Lima',
  teamId: 't1',
  teamName: 'NA SMB',
  startDate: '2099-01-05',
  endDate: '2099-01-18',
  durationWeeks: 2,
  goals: [],
  motivation: '',
  status: 'booked',
  approvals: [
    {
      step: 'manager',
      decision: 'approved',
      byId: 'e58ef965-0000-4000-8000-000000000000',
      byName: 'Maria Keller',
      comment: 'Enjoy it.',
      at: '2098-12-01T09:00:00.000Z',
    },
    {
      step: 'host',
      decision: 'approved',
      byId: 'a0b1c2d3-0000-4000-8000-000000000000',
      byName: 'Hugo Brandt',
      comment: '',
      at: '2098-12-02T15:30:00.000Z',
    },
  ],
  placementId: 'p1',
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '2098-11-30T08:00:00.000Z',
  updatedAt: '2098-12-02T15:30:00.000Z',
};
const placement: Placement = {
  id: 'p1',
  requestId: 'r1',
  pmId: 'pm1',
  pmName: 'Ana Lima',
  teamId: 't1',
  teamName: 'NA SMB',
  startDate: '2099-01-05',
  endDate: '2099-01-18',
  durationWeeks: 2,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [],
};
const page = <T>(items: T[], pageSize = 10) => ({ items, total: items.length, page: 1, pageSize });

describe('MyRotationsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MyRotationsPage>;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  /** Opens the page as the PM; `shown` is the placements page on screen, `all` every placement of theirs. */
  async function open(requests: RotationRequest[], shown: Placement[], all: Placement[] = shown): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { user: signal({ id: 'pm1', role: 'pm', timezone: 'UTC' }) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyRotationsPage);
    fixture.detectChanges();
    await settle();
    http.expectOne((r) => r.url === '/api/teams').flush(page([{ id: 't1', name: 'NA SMB' }], 200));
    http.expectOne('/api/policy').flush({ skills: [] });
    for (const offers of http.match((r) => r.url === '/api/rotation-requests' && r.params.has('status'))) {
      offers.flush(page([]));
    }
    http.expectOne((r) => r.url === '/api/rotation-requests').flush(page(requests));
    http.expectOne((r) => r.url === '/api/placements' && r.params.get('pageSize') === '200').flush(page(all, 200));
    http.expectOne((r) => r.url === '/api/placements').flush(page(shown));
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  const card = (el: HTMLElement, id: string) =>
    el.querySelector<HTMLElement>(`[data-request-id="${id}"]`) as HTMLElement;
  const status = (root: HTMLElement) => root.querySelector('[data-testid="request-status"]')?.textContent?.trim();
  const text = (root: HTMLElement) => root.textContent?.replace(/\s+/g, ' ') ?? '';

  it('names who released and who approved the request, with dates in words', async () => {
    const el = await open([request], [placement]);
    const trail = text(card(el, 'r1'));
    expect(trail).toContain('Released by Maria Keller (line manager), Mon 1 Dec 2098, 09:00');
    expect(trail).toContain('Enjoy it.');
    expect(trail).toContain('Approved by Hugo Brandt (host manager), Tue 2 Dec 2098, 15:30');
    expect(trail).not.toContain('e58ef965');
    expect(trail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(status(card(el, 'r1'))).toBe('Booked');
  });

  it('does not say Booked above a placement that was cancelled', async () => {
    const cancelled: Placement = { ...placement, status: 'cancelled', cancelledReason: 'Team reorganised' };
    const el = await open([request], [cancelled]);
    const requestCard = card(el, 'r1');
    expect(status(requestCard)).toBe('Booked, then cancelled');
    expect(requestCard.querySelector('[data-testid="request-status"]')?.getAttribute('data-status')).toBe('cancelled');
    expect(text(requestCard)).toContain('Its placement was cancelled.');
    const placementCard = el.querySelector<HTMLElement>('[data-placement-id="p1"]') as HTMLElement;
    expect(text(placementCard)).toContain('Cancelled');
  });

  it('knows the placement was cancelled even when it is on another page of placements', async () => {
    const other: Placement = { ...placement, id: 'p9', requestId: 'r9' };
    const el = await open([request], [other], [other, { ...placement, status: 'cancelled' }]);
    expect(status(card(el, 'r1'))).toBe('Booked, then cancelled');
  });
});
