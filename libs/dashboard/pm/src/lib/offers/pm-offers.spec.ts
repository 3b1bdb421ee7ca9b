import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RotationRequest } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { PmOffers } from './pm-offers';

const HOUR = 3_600_000;
const offer = (expiresIn: number): RotationRequest => ({
  id: 'r1',
  pmId: 'pm1',
  pmName: 'Lena Hoffmann',
  teamId: 't1',
  teamName: 'NA SMB',
  startDate: '2099-03-02',
  endDate: '2099-03-15',
  durationWeeks: 2,
  goals: [],
  motivation: '',
  status: 'offered',
  approvals: [],
  placementId: null,
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: new Date(Date.now() + expiresIn).toISOString(),
  createdAt: '2099-01-01T09:00:00.000Z',
  updatedAt: '2099-01-01T09:00:00.000Z',
});
const page = (items: RotationRequest[]) => ({ items, total: items.length, page: 1, pageSize: 50 });
const byStatus = (status: string) => (r: { url: string; params: { get(k: string): string | null } }) =>
  r.url === '/api/rotation-requests' && r.params.get('status') === status;

describe('PmOffers', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PmOffers>;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  async function open(offers: RotationRequest[], waiting: RotationRequest[] | null, highlight: string | null = null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { user: signal({ id: 'pm1', role: 'pm', timezone: 'UTC' }) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PmOffers);
    fixture.componentRef.setInput('showWaitlist', waiting !== null);
    fixture.componentRef.setInput('highlight', highlight);
    fixture.detectChanges();
    await answer(offers, waiting);
    return fixture.nativeElement as HTMLElement;
  }

  async function answer(offers: RotationRequest[], waiting: RotationRequest[] | null): Promise<void> {
    http.expectOne(byStatus('offered')).flush(page(offers));
    if (waiting) http.expectOne(byStatus('waitlisted')).flush(page(waiting));
    await settle();
  }

  const button = (el: HTMLElement, name: RegExp) =>
    [...el.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;

  afterEach(() => http.verify());

  it('shows a place held for the PM with the time left, and books it on Accept', async () => {
    const el = await open([offer(26 * HOUR + 60_000)], null);
    expect(el.querySelector('h3')?.textContent).toContain('A place in NA SMB is held for you');
    expect(el.querySelector('[data-testid="offer-countdown"]')?.textContent).toContain('1 day 2 hours left');
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);

    button(el, /^\s*Accept/).click();
    const call = http.expectOne('/api/rotation-requests/r1/accept-offer');
    expect(call.request.method).toBe('POST');
    call.flush({ ...offer(HOUR), status: 'booked', placementId: 'p1', offerExpiresAt: null });
    await settle();
    await answer([], null);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Booked: NA SMB, Mon 2 Mar 2099 – Sun 15 Mar 2099.',
    );
    expect(el.querySelector('a[href="/placements/p1"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="offer-card"]')).toBeNull();
    expect(changed).toHaveBeenCalled();
  });

  it('says in words when the offer lapsed before the PM accepted', async () => {
    const el = await open([offer(HOUR)], null);
    button(el, /^\s*Accept/).click();
    http.expectOne('/api/rotation-requests/r1/accept-offer').flush(
      {
        statusCode: 409,
        code: 'INVALID_STATE',
        message: 'This offer lapsed at 2099-01-05T13:30:00.000Z.',
        details: { status: 'lapsed', offerExpiresAt: '2099-01-05T13:30:00.000Z' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    await answer([], null);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'The offer lapsed at Mon 5 Jan 2099, 13:30 UTC, so the place has gone to the next in line.',
    );
  });

  it('marks the offer an email links to, and says when that offer is no longer open', async () => {
    let el = await open([offer(HOUR)], null, 'r1');
    expect(el.querySelector('mat-card.highlighted')).not.toBeNull();
    expect(el.querySelector('[data-testid="offer-gone"]')).toBeNull();
    TestBed.resetTestingModule();
    el = await open([], null, 'r1');
    expect(el.querySelector('[data-testid="offer-gone"]')?.textContent).toContain('no longer open');
  });

  it('lists where the PM stands in line when asked to', async () => {
    const waiting = { ...offer(0), id: 'r2', status: 'waitlisted' as const, waitlistPosition: 2, offerExpiresAt: null };
    const el = await open([], [waiting]);
    expect(el.querySelector('[data-testid="my-waitlist"]')?.textContent).toContain(
      'NA SMB, Mon 2 Mar 2099 – Sun 15 Mar 2099: Waitlist: number 2 in line.',
    );
  });
});
