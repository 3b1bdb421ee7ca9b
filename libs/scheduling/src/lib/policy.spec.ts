import { DEFAULT_POLICY, validatePolicy, type Policy } from './policy';

const policy = (overrides: Partial<Record<keyof Policy, unknown>>): Policy =>
  ({ ...DEFAULT_POLICY, ...overrides }) as Policy;

describe('DEFAULT_POLICY', () => {
  it('is the product default', () => {
    expect(DEFAULT_POLICY).toEqual({
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
    });
  });

  it('is valid', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({});
  });
});

describe('validatePolicy', () => {
  it('accepts the edges of every range', () => {
    expect(
      validatePolicy({
        minWeeks: 1,
        maxWeeks: 52,
        checkinTime: '00:00',
        reminderLeadHours: 0,
        overdueAfterHours: 0,
        followUpDays: 365,
        offerHoldHours: 336,
        skills: ['negotiation', 'closing', 'persistence'],
        pulseAfterDays: 60,
        minLeadDays: 60,
      }),
    ).toEqual({});
    expect(validatePolicy(policy({ offerHoldHours: 1 }))).toEqual({});
    expect(validatePolicy(policy({ minWeeks: 4, maxWeeks: 4, checkinTime: '23:59' }))).toEqual({});
  });

  it('takes a lead time of 0 (off) to 60 whole business days', () => {
    const message = 'minLeadDays must be a whole number of business days from 0 to 60.';
    for (const minLeadDays of [-1, 61, 1.5, '5', null]) {
      expect(validatePolicy(policy({ minLeadDays }))).toEqual({ minLeadDays: message });
    }
    expect(validatePolicy(policy({ minLeadDays: 0 }))).toEqual({});
  });

  it('needs minWeeks to be a whole number of at least 1', () => {
    expect(Object.keys(validatePolicy(policy({ minWeeks: 0 })))).toEqual(['minWeeks']);
    expect(Object.keys(validatePolicy(policy({ minWeeks: 1.5 })))).toEqual(['minWeeks']);
    expect(Object.keys(validatePolicy(policy({ minWeeks: '2' })))).toEqual(['minWeeks']);
  });

  it('needs maxWeeks from minWeeks to 52', () => {
    expect(validatePolicy(policy({ minWeeks: 6, maxWeeks: 5 }))).toEqual({
      maxWeeks: 'maxWeeks must be at least minWeeks (6).',
    });
    expect(Object.keys(validatePolicy(policy({ maxWeeks: 53 })))).toEqual(['maxWeeks']);
    expect(Object.keys(validatePolicy(policy({ maxWeeks: 12.5 })))).toEqual(['maxWeeks']);
    expect(Object.keys(validatePolicy(policy({ maxWeeks: Number.NaN })))).toEqual(['maxWeeks']);
  });

  it.each(['24:00', '9:00', '10:60', '10:00:00', 'ten', ''])('rejects checkinTime %j', (checkinTime) => {
    expect(validatePolicy(policy({ checkinTime }))).toEqual({
      checkinTime: 'checkinTime must be a 24-hour time written HH:MM, e.g. 10:00.',
    });
  });

  it('holds a waitlist offer for 1 to 336 whole hours', () => {
    for (const offerHoldHours of [0, 337, 2.5, '48'])
      expect(validatePolicy(policy({ offerHoldHours }))).toEqual({
        offerHoldHours: 'offerHoldHours must be a whole number of hours from 1 to 336.',
      });
  });

  it('keeps the three core skills first and takes up to 9 more, each named once', () => {
    const core = ['negotiation', 'closing', 'persistence'];
    expect(validatePolicy(policy({ skills: [...core, 'customer empathy', 'discovery-calls'] }))).toEqual({});
    for (const skills of [
      ['closing', 'negotiation', 'persistence'],
      core.slice(0, 2),
      [...core, 'Empathy'],
      [...core, ''],
      [...core, 'empathy', 'empathy'],
      [...core, ...Array.from({ length: 10 }, (_, i) => `skill ${i}`)],
      'negotiation',
    ])
      expect(Object.keys(validatePolicy(policy({ skills })))).toEqual(['skills']);
  });

  it('places the pulse 1 to 365 whole days after the end', () => {
    expect(validatePolicy(policy({ pulseAfterDays: 365 }))).toEqual({});
    for (const pulseAfterDays of [0, 366, 1.5])
      expect(Object.keys(validatePolicy(policy({ pulseAfterDays })))).toEqual(['pulseAfterDays']);
  });

  it('needs hours and days to be non-negative whole numbers', () => {
    expect(Object.keys(validatePolicy(policy({ reminderLeadHours: -1 })))).toEqual(['reminderLeadHours']);
    expect(Object.keys(validatePolicy(policy({ overdueAfterHours: 1.5 })))).toEqual(['overdueAfterHours']);
    expect(Object.keys(validatePolicy(policy({ followUpDays: -1 })))).toEqual(['followUpDays']);
    expect(Object.keys(validatePolicy(policy({ followUpDays: 366 })))).toEqual(['followUpDays']);
  });

  it('reports every bad field at once', () => {
    const errors = validatePolicy({
      minWeeks: 0,
      maxWeeks: 60,
      checkinTime: '25:00',
      reminderLeadHours: -2,
      overdueAfterHours: Number.POSITIVE_INFINITY,
      followUpDays: 400,
      offerHoldHours: 0,
      skills: ['closing'],
      pulseAfterDays: 0,
      minLeadDays: -1,
    });
    expect(Object.keys(errors).sort()).toEqual([
      'checkinTime',
      'followUpDays',
      'maxWeeks',
      'minLeadDays',
      'minWeeks',
      'offerHoldHours',
      'overdueAfterHours',
      'pulseAfterDays',
      'reminderLeadHours',
      'skills',
    ]);
    for (const message of Object.values(errors)) expect(message).toMatch(/\.$/);
  });
});
