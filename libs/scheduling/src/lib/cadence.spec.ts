import fc from 'fast-check';
import { planCheckIns, type PlannedCheckIn } from './cadence';
import { isBusinessDay } from '@stint/shared-dates';
import { createHolidayCalendar } from './holidays';
import { DEFAULT_POLICY } from './policy';

const noHolidays = (): boolean => false;
const plan = (
  startDate: string,
  durationWeeks: number,
  overrides: Partial<Parameters<typeof planCheckIns>[0]> = {},
): PlannedCheckIn[] =>
  planCheckIns({
    startDate,
    durationWeeks,
    policy: DEFAULT_POLICY,
    pmTimeZone: 'UTC',
    isHoliday: noHolidays,
    ...overrides,
  });
/** "kind date" per check-in of the PM's cadence, in plan order (the line manager's pulse has its own tests). */
const outline = (checkIns: PlannedCheckIn[]): string[] =>
  checkIns.filter((c) => c.kind !== 'pulse').map((c) => `${c.kind} ${c.date}`);

// January 2027: Mondays 4, 11, 18, 25; Sundays 10, 17, 24, 31.
describe('planCheckIns', () => {
  it('plans a 1-week stint: kickoff, final, follow-up', () => {
    // Ends Sunday 01-10, so the final moves back to Friday 01-08;
    // the follow-up is 30 days after the 10th: Tuesday 02-09.
    expect(outline(plan('2027-01-04', 1))).toEqual(['kickoff 2027-01-04', 'final 2027-01-08', 'follow_up 2027-02-09']);
  });

  it('makes week 1 of a 2-week stint the midpoint', () => {
    expect(outline(plan('2027-01-04', 2))).toEqual([
      'kickoff 2027-01-04',
      'midpoint 2027-01-11',
      'final 2027-01-15',
      'follow_up 2027-02-16',
    ]);
  });

  it('makes week 1 of a 3-week stint the midpoint and week 2 a weekly', () => {
    expect(outline(plan('2027-01-04', 3))).toEqual([
      'kickoff 2027-01-04',
      'midpoint 2027-01-11',
      'weekly 2027-01-18',
      'final 2027-01-22',
      'follow_up 2027-02-23',
    ]);
  });

  it('makes week 2 of a 4-week stint the midpoint', () => {
    // Ends Sunday 01-31; 30 days later is Tuesday 03-02.
    expect(outline(plan('2027-01-04', 4))).toEqual([
      'kickoff 2027-01-04',
      'weekly 2027-01-11',
      'midpoint 2027-01-18',
      'weekly 2027-01-25',
      'final 2027-01-29',
      'follow_up 2027-03-02',
    ]);
  });

  it('plans the 14 check-ins of a 12-week stint, midpoint in week 6', () => {
    // Ends Sunday 03-28; final on Friday 03-26; follow-up Tuesday 04-27.
    expect(outline(plan('2027-01-04', 12))).toEqual([
      'kickoff 2027-01-04',
      'weekly 2027-01-11',
      'weekly 2027-01-18',
      'weekly 2027-01-25',
      'weekly 2027-02-01',
      'weekly 2027-02-08',
      'midpoint 2027-02-15',
      'weekly 2027-02-22',
      'weekly 2027-03-01',
      'weekly 2027-03-08',
      'weekly 2027-03-15',
      'weekly 2027-03-22',
      'final 2027-03-26',
      'follow_up 2027-04-27',
    ]);
  });

  it('numbers check-ins in order and schedules them at the policy time', () => {
    expect(plan('2027-01-04', 2)).toEqual([
      {
        kind: 'kickoff',
        date: '2027-01-04',
        scheduledAt: new Date('2027-01-04T10:00:00Z'),
        sequence: 0,
      },
      {
        kind: 'midpoint',
        date: '2027-01-11',
        scheduledAt: new Date('2027-01-11T10:00:00Z'),
        sequence: 1,
      },
      {
        kind: 'final',
        date: '2027-01-15',
        scheduledAt: new Date('2027-01-15T10:00:00Z'),
        sequence: 2,
      },
      {
        kind: 'follow_up',
        date: '2027-02-16',
        scheduledAt: new Date('2027-02-16T10:00:00Z'),
        sequence: 3,
      },
      {
        kind: 'pulse',
        date: '2027-03-18',
        scheduledAt: new Date('2027-03-18T10:00:00Z'),
        sequence: 4,
      },
    ]);
  });

  it('moves weekend check-ins to Monday, but the final back to Friday', () => {
    // Starts Saturday 01-02, ends Friday 01-15. The midpoint (Saturday 01-09)
    // moves to Monday 01-11; the follow-up (Sunday 02-14) to Monday 02-15.
    expect(outline(plan('2027-01-02', 2))).toEqual([
      'kickoff 2027-01-04',
      'midpoint 2027-01-11',
      'final 2027-01-15',
      'follow_up 2027-02-15',
    ]);
  });

  it('skips GB public holidays: Christmas 2027 substitute days and New Year', () => {
    // 3 weeks from Monday 2027-12-13, ending Sunday 2028-01-02.
    // Week 2 (Monday 12-27) and Tuesday 12-28 are substitute bank holidays → Wednesday 12-29.
    // The final (Sunday 01-02) walks back past New Year's Day (Saturday) to Friday 2027-12-31.
    expect(outline(plan('2027-12-13', 3, { isHoliday: createHolidayCalendar('GB') }))).toEqual([
      'kickoff 2027-12-13',
      'midpoint 2027-12-20',
      'weekly 2027-12-29',
      'final 2027-12-31',
      'follow_up 2028-02-01',
    ]);
  });

  it('moves a follow-up that lands on a holiday to the next business day', () => {
    // Ends Sunday 2027-11-28; 29 days later is Monday 12-27, a GB substitute day, as is the 28th.
    const checkIns = plan('2027-11-22', 1, {
      isHoliday: createHolidayCalendar('GB'),
      policy: { ...DEFAULT_POLICY, followUpDays: 29 },
    });
    expect(outline(checkIns)).toEqual(['kickoff 2027-11-22', 'final 2027-11-26', 'follow_up 2027-12-29']);
  });

  it('moves a kickoff on the US observed Independence Day (Monday 2027-07-05) to Tuesday', () => {
    expect(outline(plan('2027-07-05', 1, { isHoliday: createHolidayCalendar('US') }))).toEqual([
      'kickoff 2027-07-06',
      'final 2027-07-09',
      'follow_up 2027-08-10',
    ]);
  });

  it('keeps 10:00 on the PM’s wall clock across Berlin’s change to summer time', () => {
    // Clocks go forward on Sunday 2027-03-28: 10:00 is 09:00Z before, 08:00Z after.
    const checkIns = plan('2027-03-22', 2, { pmTimeZone: 'Europe/Berlin' });
    expect(checkIns.map((c) => `${c.kind} ${c.scheduledAt.toISOString()}`).slice(0, 4)).toEqual([
      'kickoff 2027-03-22T09:00:00.000Z',
      'midpoint 2027-03-29T08:00:00.000Z',
      'final 2027-04-02T08:00:00.000Z',
      'follow_up 2027-05-04T08:00:00.000Z',
    ]);
  });

  it('uses the policy’s check-in time in the PM’s zone (New York, across its change on 03-14)', () => {
    const checkIns = plan('2027-03-08', 1, {
      pmTimeZone: 'America/New_York',
      policy: { ...DEFAULT_POLICY, checkinTime: '09:30' },
    });
    expect(checkIns.map((c) => `${c.kind} ${c.scheduledAt.toISOString()}`).slice(0, 3)).toEqual([
      'kickoff 2027-03-08T14:30:00.000Z', // EST, UTC−5
      'final 2027-03-12T14:30:00.000Z',
      'follow_up 2027-04-13T13:30:00.000Z', // EDT, UTC−4
    ]);
  });

  it('refuses a duration that is not a positive whole number of weeks', () => {
    expect(() => plan('2027-01-04', 0)).toThrow(RangeError);
    expect(() => plan('2027-01-04', 1.5)).toThrow(RangeError);
  });

  it('plans the line manager’s pulse pulseAfterDays after the end, last, on a business day', () => {
    // A 1-week stint from Monday 2027-01-04 ends Sunday 01-10; 60 days later is Thursday 03-11.
    expect(plan('2027-01-04', 1).at(-1)).toMatchObject({ kind: 'pulse', date: '2027-03-11', sequence: 3 });
    // 62 days later is Saturday 03-13: the pulse moves to Monday 03-15.
    const later = plan('2027-01-04', 1, { policy: { ...DEFAULT_POLICY, pulseAfterDays: 62 } });
    expect(later.at(-1)).toMatchObject({ kind: 'pulse', date: '2027-03-15' });
    expect(later.at(-1)?.scheduledAt).toEqual(new Date('2027-03-15T10:00:00Z'));
  });

  it('always plans W + 3 check-ins on business days, the final inside the stint', () => {
    const calendars = ['GB', 'US', 'DE', null].map((c) => createHolidayCalendar(c));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...calendars),
        (offset, weeks, isHoliday) => {
          const start = new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);
          const end = new Date(Date.UTC(2027, 0, offset + 7 * weeks)).toISOString().slice(0, 10);
          const checkIns = plan(start, weeks, { isHoliday });
          expect(checkIns).toHaveLength(weeks + 3);
          expect(checkIns.filter((c) => c.kind === 'pulse')).toHaveLength(1);
          expect(checkIns.map((c) => c.sequence)).toEqual(checkIns.map((_, i) => i));
          const dates = checkIns.map((c) => c.date);
          expect([...dates].sort()).toEqual(dates);
          for (const c of checkIns) expect(isBusinessDay(c.date, isHoliday)).toBe(true);
          const kinds = checkIns.map((c) => c.kind);
          expect(kinds.filter((k) => k === 'midpoint')).toHaveLength(weeks >= 2 ? 1 : 0);
          expect(kinds.filter((k) => k === 'weekly')).toHaveLength(weeks >= 2 ? weeks - 2 : 0);
          const final = checkIns.find((c) => c.kind === 'final');
          expect(final && final.date >= start && final.date <= end).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
