import fc from 'fast-check';
import { DEFAULT_POLICY } from './policy';
import { checkBooking, dailyLoad, peakLoad, type BookingFacts, type DateRange, type RuleViolation } from './rules';

// Today is Monday 2027-01-04. The request is Monday 2027-01-11 for 2 weeks,
// so it runs to Sunday 2027-01-24.
const facts = (overrides: Partial<BookingFacts> = {}): BookingFacts => ({
  team: { id: 'team-a', capacity: 2, active: true },
  blackouts: [],
  pmBusy: [],
  teamBookings: [],
  policy: DEFAULT_POLICY,
  today: '2027-01-04',
  isHoliday: () => false,
  ...overrides,
});
const request = { startDate: '2027-01-11', durationWeeks: 2 };
const codes = (violations: RuleViolation[]): string[] => violations.map((v) => v.code);

describe('checkBooking', () => {
  it('passes a booking that breaks no rule', () => {
    expect(checkBooking(facts(), request)).toEqual([]);
  });

  it('refuses an inactive team', () => {
    const violations = checkBooking(facts({ team: { id: 'team-a', capacity: 2, active: false } }), request);
    expect(violations).toEqual([
      {
        code: 'TEAM_INACTIVE',
        message: 'This team is not hosting rotations at the moment. Pick an active team.',
        details: { teamId: 'team-a' },
      },
    ]);
  });

  describe('duration', () => {
    it.each([1, 12])('allows %i weeks under the default policy', (durationWeeks) => {
      expect(checkBooking(facts(), { ...request, durationWeeks })).toEqual([]);
    });

    it('refuses more weeks than the policy allows, and says what is allowed', () => {
      expect(checkBooking(facts(), { ...request, durationWeeks: 13 })).toEqual([
        {
          code: 'DURATION_OUT_OF_POLICY',
          message: 'A rotation of 13 weeks is outside the policy. Pick a whole number of weeks from 1 to 12.',
          details: { durationWeeks: 13, minWeeks: 1, maxWeeks: 12 },
        },
      ]);
    });

    it('refuses fewer weeks than the policy minimum', () => {
      const strict = facts({
        policy: { ...DEFAULT_POLICY, minWeeks: 2, maxWeeks: 6 },
      });
      expect(codes(checkBooking(strict, { ...request, durationWeeks: 1 }))).toEqual(['DURATION_OUT_OF_POLICY']);
      expect(checkBooking(strict, { ...request, durationWeeks: 2 })).toEqual([]);
    });

    it.each([0, -1, 2.5, Number.NaN])('refuses %p weeks', (durationWeeks) => {
      expect(codes(checkBooking(facts(), { ...request, durationWeeks }))).toEqual(['DURATION_OUT_OF_POLICY']);
    });

    it('says a fractional duration must be whole weeks', () => {
      const [violation] = checkBooking(facts(), {
        ...request,
        durationWeeks: 2.5,
      });
      expect(violation?.message).toBe(
        'A rotation must last whole weeks, not 2.5. Pick a whole number of weeks from 1 to 12.',
      );
    });

    it('skips the date-range rules when the duration has no range', () => {
      const everythingBlocked = facts({
        blackouts: [{ teamId: null, startsOn: '2027-01-01', endsOn: '2027-12-31' }],
        pmBusy: [{ startDate: '2027-01-01', endDate: '2027-12-31' }],
      });
      expect(codes(checkBooking(everythingBlocked, { ...request, durationWeeks: 2.5 }))).toEqual([
        'DURATION_OUT_OF_POLICY',
      ]);
    });
  });

  describe('start date', () => {
    it('allows starting today when the policy asks no lead time', () => {
      const noLead = facts({ policy: { ...DEFAULT_POLICY, minLeadDays: 0 } });
      expect(checkBooking(noLead, { ...request, startDate: '2027-01-04' })).toEqual([]);
    });

    it('asks for the lead time in business days, and names the earliest start', () => {
      // Five business days after Monday the 4th: 5, 6, 7, 8 and 11 January.
      expect(checkBooking(facts(), { ...request, startDate: '2027-01-08' })).toEqual([
        {
          code: 'START_TOO_SOON',
          message:
            'A rotation starts at least 5 business days after it is requested, so that the line manager and the host can both approve it. The earliest start is Mon, 11 Jan 2027.',
          details: { startDate: '2027-01-08', today: '2027-01-04', earliest: '2027-01-11', minLeadDays: 5 },
        },
      ]);
      // A public holiday does not count: with the 6th off, the earliest start is Tuesday the 12th.
      const holiday = facts({ isHoliday: (d) => d === '2027-01-06' });
      expect(codes(checkBooking(holiday, request))).toEqual(['START_TOO_SOON']);
      expect(checkBooking(holiday, { ...request, startDate: '2027-01-12' })).toEqual([]);
    });

    it('starts on a business day of the team: not a weekend, not one of its public holidays', () => {
      expect(checkBooking(facts(), { ...request, startDate: '2027-01-16' })).toEqual([
        {
          code: 'START_NOT_BUSINESS_DAY',
          message:
            'Sat, 16 Jan 2027 is a weekend day. Rotations start on a business day of the host team; the next one is Mon, 18 Jan 2027.',
          details: { startDate: '2027-01-16', reason: 'weekend', nextBusinessDay: '2027-01-18' },
        },
      ]);
      const holiday = facts({ isHoliday: (d) => d === '2027-01-11' || d === '2027-01-12' });
      expect(checkBooking(holiday, request)).toEqual([
        {
          code: 'START_NOT_BUSINESS_DAY',
          message:
            "Mon, 11 Jan 2027 is a public holiday in the team's country. Rotations start on a business day of the host team; the next one is Wed, 13 Jan 2027.",
          details: { startDate: '2027-01-11', reason: 'holiday', nextBusinessDay: '2027-01-13' },
        },
      ]);
    });

    it('leaves the start rules out when a start chosen earlier is only confirmed (approval)', () => {
      expect(checkBooking(facts(), { ...request, startDate: '2027-01-05', confirming: true })).toEqual([]);
      expect(checkBooking(facts(), { ...request, startDate: '2027-01-09', confirming: true })).toEqual([]);
      // The past is refused all the same.
      expect(codes(checkBooking(facts(), { ...request, startDate: '2027-01-03', confirming: true }))).toEqual([
        'START_IN_PAST',
      ]);
    });

    it('refuses yesterday and names the first allowed date', () => {
      expect(checkBooking(facts(), { ...request, startDate: '2027-01-03' })).toEqual([
        {
          code: 'START_IN_PAST',
          message:
            "The start date Sun, 3 Jan 2027 has already passed in the team's time zone. Pick a start date on or after Mon, 4 Jan 2027.",
          details: { startDate: '2027-01-03', today: '2027-01-04' },
        },
      ]);
    });

    it('throws on a start date that is not a calendar date', () => {
      expect(() => checkBooking(facts(), { ...request, startDate: '2027-02-30' })).toThrow(RangeError);
    });
  });

  describe('blackouts', () => {
    const teamBlackout = {
      id: 'b1',
      teamId: 'team-a',
      startsOn: '2027-01-24',
      endsOn: '2027-01-31',
      reason: 'quarter close',
    };
    const globalBlackout = {
      id: 'b2',
      teamId: null,
      startsOn: '2027-01-11',
      endsOn: '2027-01-11',
    };
    const otherTeamBlackout = {
      teamId: 'team-b',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    };
    const dayBefore = {
      teamId: 'team-a',
      startsOn: '2027-01-01',
      endsOn: '2027-01-10',
    };

    it('refuses a range touching the team’s blackout on its last day', () => {
      expect(checkBooking(facts({ blackouts: [teamBlackout] }), request)).toEqual([
        {
          code: 'BLACKOUT',
          message:
            'The team is unavailable from Sun, 24 Jan 2027 to Sun, 31 Jan 2027 (quarter close). Pick dates outside this blackout.',
          details: {
            startDate: '2027-01-11',
            endDate: '2027-01-24',
            blackouts: [teamBlackout],
          },
        },
      ]);
    });

    it('lists every blackout hit, global ones included', () => {
      const [violation] = checkBooking(facts({ blackouts: [teamBlackout, globalBlackout, dayBefore] }), request);
      expect(violation?.details['blackouts']).toEqual([teamBlackout, globalBlackout]);
      expect(violation?.message).toBe(
        'The team is unavailable from Sun, 24 Jan 2027 to Sun, 31 Jan 2027 (quarter close); on Mon, 11 Jan 2027. Pick dates outside these blackouts.',
      );
    });

    it('ignores another team’s blackout and one that ends the day before', () => {
      expect(checkBooking(facts({ blackouts: [otherTeamBlackout, dayBefore] }), request)).toEqual([]);
    });
  });

  describe('PM overlap', () => {
    it('refuses sharing even one day with the PM’s other stint or request', () => {
      const busy = [
        { startDate: '2027-01-01', endDate: '2027-01-11' },
        { startDate: '2027-01-25', endDate: '2027-02-07' }, // starts the day after: fine
      ];
      expect(checkBooking(facts({ pmBusy: busy }), request)).toEqual([
        {
          code: 'PM_OVERLAP',
          message:
            'The PM already has a placement or pending request from Fri, 1 Jan 2027 to Mon, 11 Jan 2027. Pick dates that do not overlap it.',
          details: {
            startDate: '2027-01-11',
            endDate: '2027-01-24',
            conflicts: [{ startDate: '2027-01-01', endDate: '2027-01-11' }],
          },
        },
      ]);
    });
  });

  describe('capacity', () => {
    // Two places; two bookings share 2027-01-15 … 2027-01-20.
    const bookings: DateRange[] = [
      { startDate: '2027-01-01', endDate: '2027-01-20' },
      { startDate: '2027-01-15', endDate: '2027-02-15' },
      { startDate: '2027-01-01', endDate: '2027-01-10' },
    ];

    it('reports the first day the team is full', () => {
      expect(checkBooking(facts({ teamBookings: bookings }), request)).toEqual([
        {
          code: 'CAPACITY_FULL',
          message:
            'The team is full on Fri, 15 Jan 2027 (2 of 2 places booked). Pick another start date or another team.',
          details: { date: '2027-01-15', booked: 2, capacity: 2 },
        },
      ]);
    });

    it('allows a booking while one place is still free every day', () => {
      expect(
        checkBooking(
          facts({
            team: { id: 'team-a', capacity: 3, active: true },
            teamBookings: bookings,
          }),
          request,
        ),
      ).toEqual([]);
    });
  });

  it('reports every violation, in the documented order', () => {
    const everything = facts({
      team: { id: 'team-a', capacity: 1, active: false },
      today: '2027-01-20',
      blackouts: [{ teamId: null, startsOn: '2027-03-01', endsOn: '2027-03-05' }],
      pmBusy: [{ startDate: '2027-04-01', endDate: '2027-04-02' }],
      teamBookings: [{ startDate: '2027-04-10', endDate: '2027-04-10' }],
    });
    // 13 weeks from 2027-01-11 ends on 2027-04-11.
    expect(
      codes(
        checkBooking(everything, {
          startDate: '2027-01-11',
          durationWeeks: 13,
        }),
      ),
    ).toEqual(['TEAM_INACTIVE', 'DURATION_OUT_OF_POLICY', 'START_IN_PAST', 'BLACKOUT', 'PM_OVERLAP', 'CAPACITY_FULL']);
  });
});

describe('dailyLoad', () => {
  it('counts the bookings covering each day, clipped to the range', () => {
    const bookings: DateRange[] = [
      { startDate: '2027-01-04', endDate: '2027-01-06' },
      { startDate: '2027-01-05', endDate: '2027-01-10' },
      { startDate: '2026-12-31', endDate: '2027-01-04' },
      { startDate: '2027-02-01', endDate: '2027-02-28' }, // outside
      { startDate: '2027-01-07', endDate: '2027-01-05' }, // ends before it starts
    ];
    // 01-03 01-04 01-05 01-06 01-07 01-08
    expect(dailyLoad(bookings, '2027-01-03', '2027-01-08')).toEqual([1, 2, 2, 2, 1, 1]);
  });

  it('is empty for a reversed range and zero without bookings', () => {
    expect(dailyLoad([{ startDate: '2027-01-01', endDate: '2027-01-31' }], '2027-01-05', '2027-01-04')).toEqual([]);
    expect(dailyLoad([], '2027-01-04', '2027-01-06')).toEqual([0, 0, 0]);
  });

  it('matches counting booking by booking, day by day', () => {
    const day = (n: number): string => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
    const range = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 15 })).map(([start, length]) => ({
      startDate: day(start),
      endDate: day(start + length),
    }));
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (bookings, from, length) => {
          const expected: number[] = [];
          for (let n = from; n <= from + length; n++) {
            expected.push(bookings.filter((b) => b.startDate <= day(n) && day(n) <= b.endDate).length);
          }
          expect(dailyLoad(bookings, day(from), day(from + length))).toEqual(expected);
          expect(peakLoad(bookings, day(from), day(from + length))).toBe(Math.max(0, ...expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('peakLoad', () => {
  it('is the most bookings on any one day', () => {
    const bookings: DateRange[] = [
      { startDate: '2027-01-04', endDate: '2027-01-10' },
      { startDate: '2027-01-08', endDate: '2027-01-14' },
      { startDate: '2027-01-10', endDate: '2027-01-10' },
    ];
    expect(peakLoad(bookings, '2027-01-01', '2027-01-31')).toBe(3); // all three on 01-10
    expect(peakLoad(bookings, '2027-01-11', '2027-01-31')).toBe(1);
    expect(peakLoad([], '2027-01-01', '2027-01-31')).toBe(0);
  });
});
