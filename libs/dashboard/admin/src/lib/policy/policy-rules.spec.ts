import type { ProgrammePolicy } from '@stint/contracts';
import { normaliseSkill, policyChanges, policyErrors, skillNameError } from './policy-rules';

const valid: ProgrammePolicy = {
  minWeeks: 1,
  maxWeeks: 12,
  checkinTime: '10:00',
  reminderLeadHours: 24,
  overdueAfterHours: 48,
  followUpDays: 30,
  offerHoldHours: 48,
  skills: ['negotiation', 'closing', 'persistence'],
  pulseAfterDays: 60,
  minLeadDays: 5,
};

describe('policyErrors', () => {
  it('accepts the default policy', () => {
    expect(policyErrors(valid)).toEqual({});
  });

  it('needs min ≤ max', () => {
    expect(policyErrors({ ...valid, minWeeks: 6, maxWeeks: 4 })).toEqual({
      maxWeeks: 'Maximum weeks must be at least the minimum (6).',
    });
  });

  it('needs whole weeks from 1 to 52', () => {
    expect(policyErrors({ ...valid, minWeeks: 0 }).minWeeks).toBe('Minimum weeks must be a whole number from 1 to 52.');
    expect(policyErrors({ ...valid, maxWeeks: 53 }).maxWeeks).toBe(
      'Maximum weeks must be a whole number from 1 to 52.',
    );
    expect(policyErrors({ ...valid, minWeeks: 1.5 }).minWeeks).toBeDefined();
  });

  it('needs a 24-hour HH:MM time', () => {
    for (const time of ['9:00', '24:00', '10:60', '10-00', '']) {
      expect(policyErrors({ ...valid, checkinTime: time }).checkinTime).toBe(
        'Check-in time must be a 24-hour time written HH:MM, e.g. 10:00.',
      );
    }
    expect(policyErrors({ ...valid, checkinTime: '23:59' })).toEqual({});
  });

  it('refuses negative or fractional hours and days', () => {
    expect(policyErrors({ ...valid, reminderLeadHours: -1, overdueAfterHours: 1.5, followUpDays: -3 })).toEqual({
      reminderLeadHours: 'Reminder lead (hours) must be a whole number of hours, 0 or more.',
      overdueAfterHours: 'Overdue after (hours) must be a whole number of hours, 0 or more.',
      followUpDays: 'Follow-up after (days) must be a whole number of days from 0 to 365.',
    });
    expect(policyErrors({ ...valid, reminderLeadHours: 0, overdueAfterHours: 0, followUpDays: 0 })).toEqual({});
    expect(policyErrors({ ...valid, reminderLeadHours: 721 }).reminderLeadHours).toBe(
      'Reminder lead (hours) must be at most 720.',
    );
  });

  it('holds an offer for 1 to 336 whole hours', () => {
    const message = 'Offer hold (hours) must be a whole number of hours from 1 to 336.';
    for (const hours of [0, -1, 337, 1.5, null]) {
      expect(policyErrors({ ...valid, offerHoldHours: hours })).toEqual({ offerHoldHours: message });
    }
    expect(policyErrors({ ...valid, offerHoldHours: 1 })).toEqual({});
    expect(policyErrors({ ...valid, offerHoldHours: 336 })).toEqual({});
  });

  it('asks for the pulse 1 to 365 whole days after return', () => {
    const message = 'Pulse after return (days) must be a whole number of days from 1 to 365.';
    for (const days of [0, 366, 1.5, null]) {
      expect(policyErrors({ ...valid, pulseAfterDays: days })).toEqual({ pulseAfterDays: message });
    }
    expect(policyErrors({ ...valid, pulseAfterDays: 1 })).toEqual({});
    expect(policyErrors({ ...valid, pulseAfterDays: 365 })).toEqual({});
  });

  it('takes a lead time of 0 (off) to 60 whole business days', () => {
    const message = 'Lead time (business days) must be a whole number from 0 to 60.';
    for (const days of [-1, 61, 2.5, null]) {
      expect(policyErrors({ ...valid, minLeadDays: days })).toEqual({ minLeadDays: message });
    }
    expect(policyErrors({ ...valid, minLeadDays: 0 })).toEqual({});
    expect(policyErrors({ ...valid, minLeadDays: 60 })).toEqual({});
  });

  it('keeps the core skills first and every added one well named, once, twelve at most', () => {
    const core = 'Skills must start with the core skills negotiation, closing, persistence.';
    expect(policyErrors({ ...valid, skills: ['negotiation', 'closing'] }).skills).toBe(core);
    expect(policyErrors({ ...valid, skills: ['closing', 'negotiation', 'persistence'] }).skills).toBe(core);
    expect(policyErrors({ ...valid, skills: [...valid.skills, 'discovery calls', 'follow-up 2'] })).toEqual({});
    expect(policyErrors({ ...valid, skills: [...valid.skills, 'closing'] }).skills).toBe('“closing” is rated already.');
    expect(policyErrors({ ...valid, skills: [...valid.skills, 'Pricing'] }).skills).toContain('letters a–z');
    const many = [...valid.skills, ...Array.from({ length: 10 }, (_, i) => `skill ${String.fromCharCode(97 + i)}`)];
    expect(policyErrors({ ...valid, skills: many }).skills).toBe('The programme rates at most 12 skills.');
  });

  it('treats an empty field as invalid', () => {
    expect(Object.keys(policyErrors({ ...valid, minWeeks: null }))).toEqual(['minWeeks']);
  });
});

describe('adding a skill', () => {
  const skills = ['negotiation', 'closing', 'persistence', 'pricing'];

  it('takes the name in lower case with single spaces', () => {
    expect(normaliseSkill('  Customer   Empathy ')).toBe('customer empathy');
    expect(skillNameError('customer empathy', skills)).toBeNull();
  });

  it('refuses empty, long, odd, repeated names and a thirteenth skill', () => {
    expect(skillNameError('', skills)).toBe('Type the name of the skill to add.');
    expect(skillNameError('a'.repeat(41), skills)).toBe("A skill's name must be at most 40 characters.");
    expect(skillNameError('a'.repeat(40), skills)).toBeNull();
    for (const name of ['2nd call', 'deal_review', 'pricing!', 'négociation'])
      expect(skillNameError(name, skills)).toBe(
        "A skill's name may use letters a–z, digits, spaces and hyphens, and must start with a letter.",
      );
    expect(skillNameError('pricing', skills)).toBe('“pricing” is rated already.');
    const full = [...skills, ...'abcdefgh'.split('').map((c) => `skill ${c}`)];
    expect(skillNameError('one more', full)).toBe('The programme rates at most 12 skills: remove one to add another.');
  });
});

describe('policyChanges', () => {
  it('sends only what changed', () => {
    expect(policyChanges(valid, { ...valid, maxWeeks: 8, checkinTime: '09:30' })).toEqual({
      maxWeeks: 8,
      checkinTime: '09:30',
    });
    expect(policyChanges(valid, { ...valid, offerHoldHours: 72 })).toEqual({ offerHoldHours: 72 });
    expect(policyChanges(valid, valid)).toEqual({});
    expect(policyChanges(valid, { ...valid, skills: [...valid.skills] })).toEqual({});
    expect(policyChanges(valid, { ...valid, skills: [...valid.skills, 'pricing'], pulseAfterDays: 90 })).toEqual({
      skills: ['negotiation', 'closing', 'persistence', 'pricing'],
      pulseAfterDays: 90,
    });
  });
});
