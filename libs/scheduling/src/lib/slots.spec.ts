import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from './policy';
import { isBusinessDay, weekStart } from '@stint/shared-dates';
import { createHolidayCalendar } from './holidays';
import { checkBooking, type BlackoutRange, type DateRange } from './rules';
import { findSlots, type Slot, type SlotQuery, type SlotTeam } from './slots';

// January 2027: Monday 4, 11, 18, 25.
const team = (overrides: Partial<SlotTeam> = {}): SlotTeam => ({
  id: 'team-a',
  name: 'Bravo',
  capacity: 1,
  active: true,
  blackouts: [],
  bookings: [],
  today: '2027-01-04',
  isHoliday: () => false,
  ...overrides,
});
const query = (overrides: Partial<SlotQuery> = {}): SlotQuery => ({
  durationWeeks: 1,
  earliestStart: '2027-01-04',
  latestEnd: '2027-01-31',
  limit: 3,
  pmBusy: [],
  // Without a lead time unless a test sets one, so each rule can be seen alone.
  policy: { ...DEFAULT_POLICY, minLeadDays: 0 },
  ...overrides,
});
const starts = (slots: Slot[]): string[] => slots.map((s) => s.startDate);

describe('findSlots', () => {
  it('offers the earliest start, then one start a week on its first business day, with inclusive end dates', () => {
    expect(findSlots([team()], query())).toEqual([
      { teamId: 'team-a', teamName: 'Bravo', startDate: '2027-01-04', endDate: '2027-01-10' },
      { teamId: 'team-a', teamName: 'Bravo', startDate: '2027-01-11', endDate: '2027-01-17' },
      { teamId: 'team-a', teamName: 'Bravo', startDate: '2027-01-18', endDate: '2027-01-24' },
    ]);
  });

  it('starts only on business days: no weekend, no public holiday of the team', () => {
    // Today is a Saturday: the first start is Monday.
    expect(starts(findSlots([team({ today: '2027-01-09' })], query()))).toEqual([
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
    // Monday the 18th is a holiday: that week starts on Tuesday.
    const holiday = team({ isHoliday: (d) => d === '2027-01-18' });
    expect(starts(findSlots([holiday], query()))).toEqual(['2027-01-04', '2027-01-11', '2027-01-19']);
  });

  it('keeps the policy lead time, counted in the team’s business days', () => {
    // 5 business days after Monday the 4th is Monday the 11th.
    expect(starts(findSlots([team()], query({ policy: DEFAULT_POLICY })))).toEqual([
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
    // A holiday inside the lead time pushes the earliest start a day on.
    const holiday = team({ isHoliday: (d) => d === '2027-01-06' });
    expect(starts(findSlots([holiday], query({ policy: DEFAULT_POLICY })))).toEqual([
      '2027-01-12',
      '2027-01-18',
      '2027-01-25',
    ]);
  });

  it('skips past a day when the team is full, then goes back to week starts', () => {
    // The only place is taken 6–12 January, so a week must start on the 13th or later.
    const full = team({
      bookings: [{ startDate: '2027-01-06', endDate: '2027-01-12' }],
    });
    expect(starts(findSlots([full], query()))).toEqual(['2027-01-13', '2027-01-18', '2027-01-25']);
    // With a second place the same booking blocks nothing.
    expect(starts(findSlots([{ ...full, capacity: 2 }], query()))).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });

  it('keeps clear of blackouts, global or the team’s, and ignores other teams’', () => {
    const blackouts: BlackoutRange[] = [
      { teamId: null, startsOn: '2027-01-20', endsOn: '2027-01-20' },
      { teamId: 'team-a', startsOn: '2027-01-04', endsOn: '2027-01-12' },
      { teamId: 'team-b', startsOn: '2027-01-13', endsOn: '2027-01-31' },
    ];
    // 13–19 fits before the 20th; the next week that clears it starts Thursday the 21st.
    expect(starts(findSlots([team({ blackouts })], query({ latestEnd: '2027-02-07' })))).toEqual([
      '2027-01-13',
      '2027-01-21',
      '2027-01-25',
    ]);
  });

  it('keeps clear of the PM’s other stints and requests', () => {
    const pmBusy: DateRange[] = [
      { startDate: '2027-01-01', endDate: '2027-01-12' },
      { startDate: '2027-01-25', endDate: '2027-01-26' },
    ];
    // 13–19 and 18–24 fit before the 25th; nothing after the 26th ends by the 31st.
    expect(starts(findSlots([team()], query({ pmBusy, limit: 10 })))).toEqual(['2027-01-13', '2027-01-18']);
  });

  it('starts no earlier than the team’s today and ends no later than latestEnd', () => {
    expect(starts(findSlots([team({ today: '2027-01-12' })], query()))).toEqual([
      '2027-01-12',
      '2027-01-18',
      '2027-01-25',
    ]);
    // Two weeks from the 4th end on the 17th; from the 11th on the 24th, too late.
    expect(findSlots([team()], query({ durationWeeks: 2, latestEnd: '2027-01-23' }))).toEqual([
      { teamId: 'team-a', teamName: 'Bravo', startDate: '2027-01-04', endDate: '2027-01-17' },
    ]);
    expect(findSlots([team()], query({ latestEnd: '2027-01-09' }))).toEqual([]);
  });

  it('offers nothing for an inactive team, a duration out of policy or a limit of 0', () => {
    expect(findSlots([team({ active: false })], query())).toEqual([]);
    expect(findSlots([team()], query({ durationWeeks: 13 }))).toEqual([]);
    expect(findSlots([team()], query({ durationWeeks: 1.5 }))).toEqual([]);
    expect(findSlots([team()], query({ limit: 0 }))).toEqual([]);
  });

  it('sorts by start date, then team name', () => {
    const bravo = team({ id: 'team-a', name: 'Bravo' });
    const alpha = team({ id: 'team-b', name: 'Alpha', today: '2027-01-05' });
    const slots = findSlots([bravo, alpha], query({ limit: 2 }));
    expect(slots.map((s) => `${s.startDate} ${s.teamName}`)).toEqual([
      '2027-01-04 Bravo',
      '2027-01-05 Alpha',
      '2027-01-11 Alpha',
      '2027-01-11 Bravo',
    ]);
  });

  it('over a year with German public holidays: business days only, one a week, the lead time kept', () => {
    const germany = createHolidayCalendar('DE');
    const slots = findSlots(
      [team({ today: '2027-03-24', isHoliday: germany })],
      query({ policy: DEFAULT_POLICY, earliestStart: '2027-03-24', latestEnd: '2028-03-31', limit: 60 }),
    );
    // Good Friday is 26 March and Easter Monday 29 March 2027: five business days after
    // Wednesday the 24th are 25, 30, 31 March, 1 and 2 April, so the first start is Friday 2 April.
    expect(slots[0]?.startDate).toBe('2027-04-02');
    // Easter Monday 2028 (17 April) is outside the window; Whit Monday 2027 (17 May) falls inside.
    expect(starts(slots)).toContain('2027-05-18');
    expect(starts(slots)).not.toContain('2027-05-17');
    const weeks = slots.map((s) => weekStart(s.startDate));
    expect(new Set(weeks).size).toBe(slots.length);
    for (const slot of slots) expect(isBusinessDay(slot.startDate, germany)).toBe(true);
    // Christmas week 2027: the 27th is a Monday and a working day in Germany, so the week starts then.
    expect(starts(slots)).toContain('2027-12-27');
    expect(slots).toHaveLength(52); // the weeks of 29 March 2027 to 20 March 2028
  });

  // Speed is measured by the benchmark (npm run bench), never by a timed assertion here.
  it('scans 200 busy teams over a two-year window', () => {
    // A deterministic pseudo-random generator keeps the case the same every run.
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const day = (n: number): string => new Date(Date.UTC(2027, 0, 4 + n)).toISOString().slice(0, 10);
    const teams: SlotTeam[] = Array.from({ length: 200 }, (_, i) => ({
      id: `team-${i}`,
      name: `Team ${String(i).padStart(3, '0')}`,
      capacity: 1 + random(3),
      active: true,
      blackouts: [
        {
          teamId: `team-${i}`,
          startsOn: day(random(700)),
          endsOn: day(random(700)),
        },
      ],
      bookings: Array.from({ length: 100 }, () => {
        const start = random(720);
        return { startDate: day(start), endDate: day(start + random(60)) };
      }),
      today: '2027-01-04',
      isHoliday: createHolidayCalendar(i % 2 ? 'DE' : 'US'),
    }));
    const q = query({
      durationWeeks: 4,
      latestEnd: day(729),
      limit: 1000, // more than there can be: every team's whole window is scanned
      pmBusy: [{ startDate: day(100), endDate: day(130) }],
    });

    const slots: Slot[] = findSlots(teams, q);

    expect(slots.length).toBeGreaterThan(200);
    for (const slot of slots) expect(slot.endDate <= day(729)).toBe(true);
  });

  describe('matches trying every start date with checkBooking', () => {
    const BASE = Date.UTC(2027, 0, 4);
    const day = (n: number): string => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
    const range = fc
      .tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 12 }))
      .map(([start, length]) => ({
        startDate: day(start),
        endDate: day(start + length),
      }));

    const teamArb = (index: number) =>
      fc
        .record({
          capacity: fc.integer({ min: 1, max: 3 }),
          active: fc.constantFrom(true, true, true, false),
          todayOffset: fc.integer({ min: 0, max: 10 }),
          bookings: fc.array(range, { maxLength: 8 }),
          blackouts: fc.array(fc.tuple(range, fc.constantFrom<string | null>(null, `team-${index}`, 'elsewhere')), {
            maxLength: 3,
          }),
          name: fc.constantFrom('Alpha', 'Bravo', 'Charlie'),
          holidays: fc.array(fc.integer({ min: -5, max: 80 }), { maxLength: 6 }),
        })
        .map(
          (t): SlotTeam => ({
            id: `team-${index}`,
            name: t.name,
            capacity: t.capacity,
            active: t.active,
            today: day(t.todayOffset),
            isHoliday: (d: string) => t.holidays.some((n) => day(n) === d),
            bookings: t.bookings,
            blackouts: t.blackouts.map(([r, teamId]) => ({
              teamId,
              startsOn: r.startDate,
              endsOn: r.endDate,
            })),
          }),
        );

    const teamsArb = fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => teamArb(i))));

    const queryArb = fc
      .record({
        durationWeeks: fc.integer({ min: 1, max: 3 }),
        earliestOffset: fc.integer({ min: -3, max: 20 }),
        latestOffset: fc.integer({ min: 5, max: 65 }),
        limit: fc.integer({ min: 1, max: 5 }),
        pmBusy: fc.array(range, { maxLength: 3 }),
        minWeeks: fc.integer({ min: 1, max: 2 }),
        maxWeeks: fc.integer({ min: 2, max: 3 }),
        minLeadDays: fc.integer({ min: 0, max: 6 }),
      })
      .map(
        (q): SlotQuery => ({
          durationWeeks: q.durationWeeks,
          earliestStart: day(q.earliestOffset),
          latestEnd: day(q.latestOffset),
          limit: q.limit,
          pmBusy: q.pmBusy,
          policy: {
            ...DEFAULT_POLICY,
            minWeeks: q.minWeeks,
            maxWeeks: q.maxWeeks,
            minLeadDays: q.minLeadDays,
          } as Policy,
        }),
      );

    const factsFor = (t: SlotTeam, q: SlotQuery) => ({
      team: { id: t.id, capacity: t.capacity, active: t.active },
      blackouts: t.blackouts,
      pmBusy: q.pmBusy,
      teamBookings: t.bookings,
      policy: q.policy,
      today: t.today,
      isHoliday: t.isHoliday,
    });

    /** Every start date from the earliest allowed on, checked with the rules one by one; the first of each week kept. */
    const oracle = (teams: SlotTeam[], q: SlotQuery): Slot[] => {
      const slots: Slot[] = [];
      for (const t of teams) {
        let found = 0;
        let lastWeek = '';
        const first = q.earliestStart > t.today ? q.earliestStart : t.today;
        for (let n = -10; n <= 80 && found < q.limit; n++) {
          const startDate = day(n);
          const endDate = day(n + 7 * q.durationWeeks - 1);
          if (startDate < first || endDate > q.latestEnd) continue;
          if (
            checkBooking(factsFor(t, q), {
              startDate,
              durationWeeks: q.durationWeeks,
            }).length
          ) {
            continue;
          }
          if (weekStart(startDate) === lastWeek) continue;
          lastWeek = weekStart(startDate);
          slots.push({ teamId: t.id, teamName: t.name, startDate, endDate });
          found++;
        }
      }
      const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      return slots.sort(
        (a, b) => order(a.startDate, b.startDate) || order(a.teamName, b.teamName) || order(a.teamId, b.teamId),
      );
    };

    it('for random small cases', () => {
      fc.assert(
        fc.property(teamsArb, queryArb, (teams, q) => {
          const slots = findSlots(teams, q);
          const byId = new Map(teams.map((t) => [t.id, t]));
          for (const slot of slots) {
            const t = byId.get(slot.teamId);
            expect(t).toBeDefined();
            if (!t) continue;
            expect(
              checkBooking(factsFor(t, q), {
                startDate: slot.startDate,
                durationWeeks: q.durationWeeks,
              }),
            ).toEqual([]);
          }
          expect(slots).toEqual(oracle(teams, q));
        }),
        { numRuns: 300 },
      );
    });
  });
});
