import type { ProgrammePolicy } from '@stint/contracts';
import { policyChanges, policyErrors } from './policy-rules';

const valid: ProgrammePolicy = {
  minWeeks: 1,
  maxWeeks: 12,
  checkinTime: '10:00',
  reminderLeadHours: 24,
  overdueAfterHours: 48,
  followUpDays: 30,
  offerHoldHours: 48,
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

  it('treats an empty field as invalid', () => {
    expect(Object.keys(policyErrors({ ...valid, minWeeks: null }))).toEqual(['minWeeks']);
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
  });
});
