import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PolicyPage } from './policy-page';

const policy = {
  minWeeks: 1,
  maxWeeks: 12,
  checkinTime: '10:00',
  reminderLeadHours: 24,
  overdueAfterHours: 48,
  followUpDays: 30,
  offerHoldHours: 48,
  skills: ['negotiation', 'closing', 'persistence', 'pricing'],
  pulseAfterDays: 60,
  minLeadDays: 5,
};

describe('PolicyPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PolicyPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  function type(name: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function save(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PolicyPage);
    fixture.detectChanges();
    http.expectOne('/api/policy').flush(policy);
    await settle();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  it('explains what the API would refuse, field by field, and sends nothing', async () => {
    type('minWeeks', '6');
    type('maxWeeks', '4');
    type('checkinTime', '9:5');
    type('followUpDays', '-1');
    type('offerHoldHours', '337');
    await save();
    const text = el.textContent ?? '';
    expect(text).toContain('Maximum weeks must be at least the minimum (6).');
    expect(text).toContain('Check-in time must be a 24-hour time written HH:MM, e.g. 10:00.');
    expect(text).toContain('Follow-up after (days) must be a whole number of days from 0 to 365.');
    expect(text).toContain('Offer hold (hours) must be a whole number of hours from 1 to 336.');
    http.expectNone('/api/policy');
  });

  it('shows the offer hold with its hint and sends a change of it alone', async () => {
    const field = el.querySelector<HTMLInputElement>('input[formcontrolname="offerHoldHours"]');
    expect(field?.value).toBe('48');
    expect(el.textContent).toContain(
      'How long a freed place is held for the next PM in the waitlist before it passes on.',
    );
    type('offerHoldHours', '72');
    await save();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/policy');
    expect(put.request.body).toEqual({ offerHoldHours: 72 });
    put.flush({ ...policy, offerHoldHours: 72 });
    await settle();
  });

  function press(name: string): void {
    const button = [...el.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
    );
    if (!button) throw new Error(`no button ${name}`);
    button.click();
  }

  async function addSkill(text: string): Promise<void> {
    const input = [...el.querySelectorAll('mat-form-field')]
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === 'New skill')
      ?.querySelector('input');
    if (!input) throw new Error('no New skill field');
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await settle();
    press('Add skill');
    await settle();
  }

  const skillsShown = () =>
    [...el.querySelectorAll('[data-testid="skills"] li > span:first-child')].map((s) => s.textContent?.trim());

  it('keeps the core skills fixed, adds and removes others, and sends the new list with the pulse day', async () => {
    expect(skillsShown()).toEqual(['negotiation', 'closing', 'persistence', 'pricing']);
    expect(el.querySelector('button[aria-label="Remove negotiation"]')).toBeNull();

    await addSkill('Closing');
    expect(el.querySelector('[data-testid="new-skill-error"]')?.textContent).toContain('“closing” is rated already.');
    await addSkill('deal_review');
    expect(el.querySelector('[data-testid="new-skill-error"]')?.textContent).toContain('letters a–z');
    await addSkill('  Customer   Empathy ');
    expect(el.querySelector('[data-testid="new-skill-error"]')).toBeNull();
    press('Remove pricing');
    await settle();
    expect(skillsShown()).toEqual(['negotiation', 'closing', 'persistence', 'customer empathy']);

    type('pulseAfterDays', '0');
    await save();
    expect(el.textContent).toContain('Pulse after return (days) must be a whole number of days from 1 to 365.');
    http.expectNone('/api/policy');
    type('pulseAfterDays', '90');
    await save();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/policy');
    expect(put.request.body).toEqual({
      skills: ['negotiation', 'closing', 'persistence', 'customer empathy'],
      pulseAfterDays: 90,
    });
    put.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid policy.',
        details: { fields: { skills: 'skills may name at most 12 skills.' } },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(el.querySelector('[data-testid="skills-error"]')?.textContent).toContain(
      'Skills may name at most 12 skills.',
    );
  });

  it('sends only what changed, and shows an error the API returns under its field', async () => {
    type('maxWeeks', '8');
    await save();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/policy');
    expect(put.request.body).toEqual({ maxWeeks: 8 });
    put.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid policy.',
        details: { fields: { maxWeeks: 'maxWeeks must be at least minWeeks (9).' } },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(el.querySelector('[data-testid="max-weeks-error"]')?.textContent).toContain(
      'Maximum weeks must be at least minWeeks (9).',
    );
  });
});
