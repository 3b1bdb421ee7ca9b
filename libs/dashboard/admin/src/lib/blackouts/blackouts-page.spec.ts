import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { provideRouter } from '@angular/router';
import type { BlackoutCreated } from '@stint/contracts';
import { BlackoutsPage, blackoutRangeValidator } from './blackouts-page';

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
const team = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'NA SMB',
  region: '',
  segment: '',
  managerId: 'm',
  capacity: 2,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
};

describe('BlackoutsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<BlackoutsPage>;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('adds a blackout and lists the booked placements it overlaps, by name', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BlackoutsPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/blackouts').flush(page([]));
    http.expectOne((r) => r.url === '/api/teams').flush(page([team]));
    http.expectOne((r) => r.url === '/api/users').flush(page([{ id: 'pm1', name: 'Lena Hoffmann' }]));
    await settle();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('No blackouts.');

    type(el, 'input[formcontrolname="startsOn"]', '2099-03-29');
    type(el, 'input[formcontrolname="endsOn"]', '2099-04-02');
    type(el, 'input[formcontrolname="reason"]', ' Quarter-end close ');
    el.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle();

    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/blackouts');
    expect(post.request.body).toEqual({
      teamId: null,
      startsOn: '2099-03-29',
      endsOn: '2099-04-02',
      reason: 'Quarter-end close',
    });
    const created: BlackoutCreated = {
      id: 'b1',
      teamId: null,
      startsOn: '2099-03-29',
      endsOn: '2099-04-02',
      reason: 'Quarter-end close',
      affectedPlacements: [{ id: 'p1', pmId: 'pm1', teamId: team.id, startDate: '2099-03-23', endDate: '2099-04-05' }],
    };
    post.flush(created);
    await settle();
    http.expectOne((r) => r.url === '/api/blackouts').flush(page([created]));
    await settle();

    const result = el.querySelector('[data-testid="blackout-result"]')?.textContent ?? '';
    expect(result).toContain('1 booked placement overlaps it.');
    expect(result).toContain('Lena Hoffmann in NA SMB');
    expect(el.querySelector('[data-testid="affected-placements"] a')?.getAttribute('href')).toBe('/placements/p1');
    expect(el.querySelector('[data-testid="blackouts-table"]')?.textContent).toContain('Every team (global)');
  });
});

describe('blackoutRangeValidator', () => {
  it("refuses an end before the start, in the API's terms", () => {
    const form = new FormGroup({
      startsOn: new FormControl('2099-04-02'),
      endsOn: new FormControl('2099-03-29', [blackoutRangeValidator]),
    });
    form.controls.endsOn.updateValueAndValidity();
    expect(form.controls.endsOn.errors).toEqual({ range: 'The end must be on or after the start.' });
    form.controls.endsOn.setValue('2099-04-02');
    expect(form.controls.endsOn.errors).toBeNull();
  });
});
