import { BOOKING_RULE_CODES, BOOKING_RULES } from '@stint/contracts';
import { checkBooking, DEFAULT_POLICY, type BookingFacts, type BookingRequest } from '@stint/scheduling';
import { addDays, endDateFor } from '@stint/shared-dates';
import fc from 'fast-check';
import { describeRuleCheck } from './rule-check';

// The request is Monday 2027-01-11 for 2 weeks (to 2027-01-24); today is 2027-01-04.
const request = { startDate: '2027-01-11', durationWeeks: 2 };
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

function judged(f: BookingFacts, req: BookingRequest = request) {
  const judgement = {
    facts: f,
    endDate: endDateFor(req.startDate, req.durationWeeks),
    violations: checkBooking(f, req),
  };
  return describeRuleCheck('request-1', req, judgement);
}

describe('describeRuleCheck', () => {
  it('passes every rule of a booking that breaks none, with the figures behind each', () => {
    const result = judged(facts({ teamBookings: [{ startDate: '2027-01-20', endDate: '2027-02-20' }] }));
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => [c.rule, c.code, c.ok])).toEqual([
      ['team', 'TEAM_INACTIVE', true],
      ['duration', 'DURATION_OUT_OF_POLICY', true],
      ['start', 'START_IN_PAST', true],
      ['blackout', 'BLACKOUT', true],
      ['pm_overlap', 'PM_OVERLAP', true],
      ['capacity', 'CAPACITY_FULL', true],
    ]);
    expect(result.checks[5]).toEqual({
      rule: 'capacity',
      code: 'CAPACITY_FULL',
      ok: true,
      message: 'At most 1 of 2 places are booked on any day of these dates.',
      details: { capacity: 2, peakBooked: 1, fullDays: [] },
    });
    expect(result.availability.days).toHaveLength(14);
    expect(result.availability.days[9]).toEqual({ date: '2027-01-20', booked: 1, capacity: 2, blackout: false });
    expect(result).toMatchObject({ requestId: 'request-1', startDate: '2027-01-11', endDate: '2027-01-24' });
  });

  it("a failing rule carries the violation's message and details on top of its figures", () => {
    const bookings = [
      { startDate: '2027-01-01', endDate: '2027-01-20' },
      { startDate: '2027-01-15', endDate: '2027-02-15' },
    ];
    const result = judged(facts({ teamBookings: bookings }));
    expect(result.ok).toBe(false);
    const capacity = result.checks.find((c) => c.rule === 'capacity');
    expect(capacity).toEqual({
      rule: 'capacity',
      code: 'CAPACITY_FULL',
      ok: false,
      message: 'The team is full on Fri, 15 Jan 2027 (2 of 2 places booked). Pick another start date or another team.',
      details: {
        capacity: 2,
        peakBooked: 2,
        fullDays: ['2027-01-15', '2027-01-16', '2027-01-17', '2027-01-18', '2027-01-19', '2027-01-20'],
        date: '2027-01-15',
        booked: 2,
      },
    });
    expect(result.availability.fullDays).toEqual(capacity?.details['fullDays']);
  });

  it('lists the blackout days of the team and the global ones, never another team’s', () => {
    const result = judged(
      facts({
        blackouts: [
          { teamId: null, startsOn: '2027-01-10', endsOn: '2027-01-11' },
          { teamId: 'team-a', startsOn: '2027-01-24', endsOn: '2027-01-30' },
          { teamId: 'team-b', startsOn: '2027-01-15', endsOn: '2027-01-15' },
        ],
      }),
    );
    expect(result.availability.blackoutDays).toEqual(['2027-01-11', '2027-01-24']);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual(['blackout']);
  });

  it('never disagrees with checkBooking: a rule fails exactly when checkBooking reports it', () => {
    const day = fc.integer({ min: -20, max: 40 }).map((n) => addDays('2027-01-04', n));
    const range = fc.tuple(day, fc.integer({ min: 0, max: 20 })).map(([startDate, length]) => ({
      startDate,
      endDate: addDays(startDate, length),
    }));
    const scenario = fc.record({
      capacity: fc.integer({ min: 1, max: 3 }),
      active: fc.boolean(),
      teamBookings: fc.array(range, { maxLength: 6 }),
      pmBusy: fc.array(range, { maxLength: 2 }),
      blackouts: fc.array(
        fc.tuple(range, fc.constantFrom(null, 'team-a', 'team-b')).map(([r, teamId]) => ({
          teamId,
          startsOn: r.startDate,
          endsOn: r.endDate,
        })),
        { maxLength: 2 },
      ),
      today: day,
      startDate: day,
      durationWeeks: fc.integer({ min: 1, max: 14 }),
      confirming: fc.boolean(),
      weekendsOnly: fc.boolean(),
    });
    const START_CODES = ['START_IN_PAST', 'START_NOT_BUSINESS_DAY', 'START_TOO_SOON'];
    fc.assert(
      fc.property(scenario, (s) => {
        const f = facts({
          team: { id: 'team-a', capacity: s.capacity, active: s.active },
          teamBookings: s.teamBookings,
          pmBusy: s.pmBusy,
          blackouts: s.blackouts,
          today: s.today,
          // Every Wednesday a holiday, or none.
          isHoliday: s.weekendsOnly ? () => false : (d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 3,
        });
        const req = { startDate: s.startDate, durationWeeks: s.durationWeeks, confirming: s.confirming };
        const violations = checkBooking(f, req).map((v) => v.code);
        const result = judged(f, req);
        expect(result.ok).toBe(violations.length === 0);
        for (const rule of BOOKING_RULES) {
          const c = result.checks.find((x) => x.rule === rule);
          const codes = rule === 'start' ? START_CODES : [BOOKING_RULE_CODES[rule]];
          expect(c?.ok).toBe(!violations.some((code) => codes.includes(code)));
          if (!c?.ok) expect(violations).toContain(c?.code);
        }
        expect(result.availability.fullDays.length > 0).toBe(violations.includes('CAPACITY_FULL'));
        expect(result.availability.blackoutDays.length > 0).toBe(violations.includes('BLACKOUT'));
        expect(result.availability.peakBooked < s.capacity).toBe(!violations.includes('CAPACITY_FULL'));
      }),
      { numRuns: 300 },
    );
  });
});
