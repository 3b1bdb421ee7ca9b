import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from './policy';
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
  ...overrides,
});
const query = (overrides: Partial<SlotQuery> = {}): SlotQuery => ({
  durationWeeks: 1,
  earliestStart: '2027-01-04',
  latestEnd: '2027-01-31',
  limit: 3,
  pmBusy: [],
  policy: DEFAULT_POLICY,
  ...overrides,
});
const starts = (slots: Slot[]): string[] => slots.map((s) => s.startDate);

describe('findSlots', () => {
  it('offers the earliest start dates, on consecutive days, with inclusive end dates', () => {
    expect(findSlots([team()], query())).toEqual([
      {
        teamId: 'team-a',
        teamName: 'Bravo',
        startDate: '2027-01-04',
        endDate: '2027-01-10',
      },
      {
        teamId: 'team-a',
        teamName: 'Bravo',
        startDate: '2027-01-05',
        endDate: '2027-01-11',
      },
      {
        teamId: 'team-a',
        teamName: 'Bravo',
        startDate: '2027-01-06',
        endDate: '2027-01-12',
      },
    ]);
  });

  it('skips past a day when the team is full', () => {
    // The only place is taken 6–12 January, so a week must start on the 13th or later.
    const full = team({
      bookings: [{ startDate: '2027-01-06', endDate: '2027-01-12' }],
    });
    expect(starts(findSlots([full], query()))).toEqual(['2027-01-13', '2027-01-14', '2027-01-15']);
    // With a second place the same booking blocks nothing.
    expect(starts(findSlots([{ ...full, capacity: 2 }], query()))).toEqual(['2027-01-04', '2027-01-05', '2027-01-06']);
  });

  it('keeps clear of blackouts, global or the team’s, and ignores other teams’', () => {
    const blackouts: BlackoutRange[] = [
      { teamId: null, startsOn: '2027-01-20', endsOn: '2027-01-20' },
      { teamId: 'team-a', startsOn: '2027-01-04', endsOn: '2027-01-12' },
      { teamId: 'team-b', startsOn: '2027-01-13', endsOn: '2027-01-31' },
    ];
    // 13–19 fits before the 20th; then weeks from the 21st (21–27, 22–28).
    expect(starts(findSlots([team({ blackouts })], query()))).toEqual(['2027-01-13', '2027-01-21', '2027-01-22']);
  });

  it('keeps clear of the PM’s other stints and requests', () => {
    const pmBusy: DateRange[] = [
      { startDate: '2027-01-01', endDate: '2027-01-12' },
      { startDate: '2027-01-25', endDate: '2027-01-26' },
    ];
    // 13–19 … 18–24 fit before the 25th; nothing after the 26th ends by the 31st.
    expect(starts(findSlots([team()], query({ pmBusy, limit: 10 })))).toEqual([
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
      '2027-01-16',
      '2027-01-17',
      '2027-01-18',
    ]);
  });

  it('starts no earlier than the team’s today and ends no later than latestEnd', () => {
    expect(starts(findSlots([team({ today: '2027-01-10' })], query()))).toEqual([
      '2027-01-10',
      '2027-01-11',
      '2027-01-12',
    ]);
    // Two weeks from the 4th end on the 17th; from the 5th on the 18th, too late.
    expect(findSlots([team()], query({ durationWeeks: 2, latestEnd: '2027-01-17' }))).toEqual([
      {
        teamId: 'team-a',
        teamName: 'Bravo',
        startDate: '2027-01-04',
        endDate: '2027-01-17',
      },
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
      '2027-01-05 Bravo',
      '2027-01-06 Alpha',
    ]);
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
        })
        .map(
          (t): SlotTeam => ({
            id: `team-${index}`,
            name: t.name,
            capacity: t.capacity,
            active: t.active,
            today: day(t.todayOffset),
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
    });

    /** Every start date from the earliest allowed on, checked with the rules one by one. */
    const oracle = (teams: SlotTeam[], q: SlotQuery): Slot[] => {
      const slots: Slot[] = [];
      for (const t of teams) {
        let found = 0;
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
