import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CheckIn } from '@stint/contracts';
import { AssessmentCard } from './assessment-card';
import { PulseCard } from './pulse-card';
import { ReflectionForm } from './reflection-form';

const base: CheckIn = {
  id: 'c9',
  placementId: 'p1',
  kind: 'final',
  scheduledAt: '2027-01-29T10:00:00.000Z',
  status: 'upcoming',
  completedAt: null,
  ratings: null,
  notes: '',
  feedback: [],
  owner: 'pm',
  wouldSendAgain: null,
  goalOutcomes: null,
  assessment: null,
};
const pulse: CheckIn = { ...base, id: 'c10', kind: 'pulse', owner: 'line_manager' };
const SKILLS = ['negotiation', 'closing', 'persistence', 'discovery calls'];

describe('check-in cards', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let el: HTMLElement;
  let events: string[];

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  async function render(component: Type<unknown>, inputs: Record<string, unknown>): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(component);
    const named = component === ReflectionForm ? {} : { pmName: 'Lena' };
    for (const [name, value] of Object.entries({ ...named, skills: SKILLS, ...inputs }))
      fixture.componentRef.setInput(name, value);
    events = [];
    const card = fixture.componentInstance as { saved: { subscribe(f: () => void): void }; stale: typeof card.saved };
    card.saved.subscribe(() => events.push('saved'));
    card.stale.subscribe(() => events.push('stale'));
    await settle();
    el = fixture.nativeElement as HTMLElement;
  }

  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
  };
  function rateAll(level: number): void {
    for (const group of el.querySelectorAll('mat-radio-group[aria-labelledby*="-skill-"]'))
      group.querySelector<HTMLInputElement>(`input[value="${level}"]`)?.click();
  }
  function type(value: string): void {
    const area = el.querySelector('textarea');
    if (!area) throw new Error('no text field');
    area.value = value;
    area.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('sends the learning goals revisited with the final reflection, and puts API errors under their question', async () => {
    await render(ReflectionForm, { checkIn: base, goals: ['negotiation', 'Run a discovery call'] });
    rateAll(4);
    await submit();
    http.expectNone('/api/check-ins/c9/complete');
    expect(text()).toContain('Say whether you met “Run a discovery call”.');
    expect(text()).toContain('Say for each learning goal whether you met it.');

    const answer = (goal: string, result: string) =>
      el
        .querySelector<HTMLInputElement>(
          `mat-radio-group[aria-label="Learning goal: ${goal}"] input[value="${result}"]`,
        )
        ?.click();
    answer('Negotiation', 'met');
    answer('Run a discovery call', 'partly_met');
    await submit();
    const call = http.expectOne('/api/check-ins/c9/complete');
    expect(call.request.body).toEqual({
      ratings: { negotiation: 4, closing: 4, persistence: 4, 'discovery calls': 4 },
      notes: '',
      goalOutcomes: [
        { goal: 'negotiation', result: 'met' },
        { goal: 'Run a discovery call', result: 'partly_met' },
      ],
    });
    const fields = { 'ratings.closing': 'closing must be a whole number from 1 to 5.', other: 'Something else.' };
    call.flush(
      { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid.', details: { fields } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const closing = [...el.querySelectorAll('fieldset')].find(
      (f) => f.querySelector('legend')?.textContent === 'Closing',
    );
    expect(closing?.querySelector('[role="alert"]')?.textContent).toBe('Closing must be a whole number from 1 to 5.');
    expect(text()).toContain('Some answers need attention: see the messages next to them. Something else.');
    expect(events).toEqual([]);
  });

  it('lets the host assess each policy skill with notes, once', async () => {
    await render(AssessmentCard, { checkIn: base, canAssess: true });
    const legends = [...el.querySelectorAll('legend')].map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Negotiation', 'Closing', 'Persistence', 'Discovery calls']);
    expect(el.querySelector('mat-label')?.textContent).toBe('Your notes');

    await submit();
    http.expectNone('/api/check-ins/c9/assessment');
    expect(text()).toContain('Rate discovery calls from 1 to 5.');

    rateAll(3);
    type('  Ran two calls alone.  ');
    await submit();
    const call = http.expectOne('/api/check-ins/c9/assessment');
    expect(call.request.body).toEqual({
      ratings: { negotiation: 3, closing: 3, persistence: 3, 'discovery calls': 3 },
      notes: 'Ran two calls alone.',
    });
    call.flush({ ...base, assessment: { byId: 'h1', byName: 'Hugo', ratings: {}, notes: '', at: '' } });
    await settle();
    expect(events).toEqual(['saved']);
  });

  it('says when the assessment was filed meanwhile, and has the page read the check-in again', async () => {
    await render(AssessmentCard, { checkIn: base, canAssess: true });
    rateAll(4);
    await submit();
    http.expectOne('/api/check-ins/c9/assessment').flush(
      {
        statusCode: 409,
        code: 'INVALID_STATE',
        message: 'This final check-in already has the host’s assessment; it is given once.',
        details: { assessed: true },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('it is given once');
    expect(events).toEqual(['stale']);
  });

  it('reads a filed assessment back to everyone, and opens the form only on its day', async () => {
    const assessment = {
      byId: 'h1',
      byName: 'Hugo Host',
      ratings: { negotiation: 4, closing: 2 },
      notes: 'Keen.',
      at: '2027-01-29T15:00:00.000Z',
    };
    await render(AssessmentCard, { checkIn: { ...base, assessment }, canAssess: true });
    expect(el.querySelector('form')).toBeNull();
    const shown = el.querySelector('[data-testid="assessment"]')?.textContent?.replace(/\s+/g, ' ');
    expect(shown).toContain('What Hugo Host saw of Lena');
    expect(shown).toContain('Negotiation 4 of 5');
    expect(shown).toContain('Keen.');
    fixture.destroy();
    TestBed.resetTestingModule();

    await render(AssessmentCard, { checkIn: base, canAssess: true, opensOn: '2027-01-29' });
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('[data-testid="assessment-opens-on"]')?.textContent).toContain('Fri 29 Jan 2027');
  });

  it("takes the line manager's pulse: a rating per skill, would they send another PM, a comment", async () => {
    await render(PulseCard, { checkIn: pulse, canGive: true });
    const names = [...el.querySelectorAll('legend')].map((l) => l.textContent?.trim());
    expect(names).toEqual([
      'How well does Lena apply negotiation now?',
      'How well does Lena apply closing now?',
      'How well does Lena apply persistence now?',
      'How well does Lena apply discovery calls now?',
      'Would you send another PM on a rotation?',
    ]);
    rateAll(4);
    await submit();
    http.expectNone('/api/check-ins/c10/pulse');
    expect(text()).toContain('Answer yes or no.');

    el.querySelector<HTMLInputElement>(
      'mat-radio-group[aria-labelledby="send-again-legend"] input[value="true"]',
    )?.click();
    type('Prices with confidence now.');
    await submit();
    const call = http.expectOne('/api/check-ins/c10/pulse');
    expect(call.request.body).toEqual({
      ratings: { negotiation: 4, closing: 4, persistence: 4, 'discovery calls': 4 },
      wouldSendAgain: true,
      comment: 'Prices with confidence now.',
    });
    call.flush({ ...pulse, status: 'completed' });
    await settle();
    expect(events).toEqual(['saved']);
  });

  it('shows a given pulse read-only, to the PM as well', async () => {
    const given: CheckIn = {
      ...pulse,
      status: 'completed',
      completedAt: '2027-03-29T11:00:00.000Z',
      ratings: { negotiation: 4, closing: 3, persistence: 5, 'discovery calls': 2 },
      wouldSendAgain: false,
      notes: 'Not much changed.',
    };
    await render(PulseCard, { checkIn: given, isPm: true });
    expect(el.querySelector('form')).toBeNull();
    const shown = el.querySelector('[data-testid="pulse"]')?.textContent?.replace(/\s+/g, ' ');
    expect(text()).toContain('Your line manager’s pulse');
    expect(shown).toContain('Discovery calls 2 of 5');
    expect(shown).toContain('Would send another PM on a rotation: No');
    expect(shown).toContain('Not much changed.');
  });
});
