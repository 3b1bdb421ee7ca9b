import type { Blackout, Placement, RotationRequest, Team } from '@stint/contracts';
import {
  barGeometry,
  blackoutBands,
  buildTimeline,
  describeShift,
  laneTop,
  LANE_PITCH,
  packLanes,
  peakLoad,
  rangeEnd,
  shiftDates,
  snapDays,
  todayPct,
  weekColumns,
} from './timeline-layout';

const range = { from: '2027-01-04', weeks: 4 }; // 28 days: 4 Jan – 31 Jan 2027

const placement = (id: string, startDate: string, endDate: string, over: Partial<Placement> = {}): Placement => ({
  id,
  requestId: `r-${id}`,
  pmId: `pm-${id}`,
  teamId: 't1',
  startDate,
  endDate,
  durationWeeks: 1,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [],
  ...over,
});

const request = (
  id: string,
  startDate: string,
  endDate: string,
  over: Partial<RotationRequest> = {},
): RotationRequest => ({
  id,
  pmId: `pm-${id}`,
  teamId: 't1',
  startDate,
  endDate,
  durationWeeks: 1,
  goals: [],
  motivation: '',
  status: 'pending_host',
  approvals: [],
  placementId: null,
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  ...over,
});

const blackout = (id: string, teamId: string | null, startsOn: string, endsOn: string): Blackout => ({
  id,
  teamId,
  startsOn,
  endsOn,
  reason: `Reason ${id}`,
});

const team = (id: string, capacity: number, over: Partial<Team> = {}): Team => ({
  id,
  name: `Team ${id}`,
  region: '',
  segment: '',
  managerId: 'm1',
  capacity,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
  ...over,
});

describe('timeline layout', () => {
  it('has one column per week, labelled by its Monday', () => {
    expect(rangeEnd(range)).toBe('2027-01-31');
    expect(weekColumns(range)).toEqual([
      { start: '2027-01-04', label: '4 Jan' },
      { start: '2027-01-11', label: '11 Jan' },
      { start: '2027-01-18', label: '18 Jan' },
      { start: '2027-01-25', label: '25 Jan' },
    ]);
  });

  it('places a bar from its first day to the end of its last day', () => {
    // Week 2 exactly: days 7..13 of 28.
    expect(barGeometry(range, '2027-01-11', '2027-01-17')).toEqual({
      leftPct: 25,
      widthPct: 25,
      clippedStart: false,
      clippedEnd: false,
    });
    // One day.
    const one = barGeometry(range, '2027-01-04', '2027-01-04');
    expect(one?.leftPct).toBe(0);
    expect(one?.widthPct).toBeCloseTo(100 / 28);
  });

  it('clips bars that run past either edge and drops those outside', () => {
    expect(barGeometry(range, '2026-12-28', '2027-01-10')).toEqual({
      leftPct: 0,
      widthPct: 25,
      clippedStart: true,
      clippedEnd: false,
    });
    expect(barGeometry(range, '2027-01-25', '2027-02-21')).toEqual({
      leftPct: 75,
      widthPct: 25,
      clippedStart: false,
      clippedEnd: true,
    });
    expect(barGeometry(range, '2026-12-01', '2027-03-01')).toEqual({
      leftPct: 0,
      widthPct: 100,
      clippedStart: true,
      clippedEnd: true,
    });
    expect(barGeometry(range, '2027-02-01', '2027-02-14')).toBeNull();
    expect(barGeometry(range, '2026-12-01', '2027-01-03')).toBeNull();
  });

  it('marks today only inside the range', () => {
    expect(todayPct(range, '2027-01-04')).toBeCloseTo((0.5 / 28) * 100);
    expect(todayPct(range, '2027-02-01')).toBeNull();
    expect(todayPct(range, '2027-01-03')).toBeNull();
  });

  it('packs rows first-fit: a bar reuses the first row free before its start', () => {
    const { placed, laneEnds } = packLanes([
      placement('c', '2027-01-18', '2027-01-24'),
      placement('a', '2027-01-04', '2027-01-17'),
      placement('b', '2027-01-11', '2027-01-24'),
      placement('d', '2027-01-17', '2027-01-30'),
    ]);
    expect(placed.map((p) => [p.item.id, p.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 2],
      ['c', 0],
    ]);
    expect(laneEnds).toEqual(['2027-01-24', '2027-01-24', '2027-01-30']);
  });

  it('never puts bars that share a day in one row (touching ends are a shared day)', () => {
    const { placed } = packLanes([
      placement('a', '2027-01-04', '2027-01-10'),
      placement('b', '2027-01-10', '2027-01-16'),
      placement('c', '2027-01-11', '2027-01-17'),
    ]);
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 0]);
  });

  it('counts the peak load over the range', () => {
    const items = [
      placement('a', '2027-01-04', '2027-01-17'),
      placement('b', '2027-01-11', '2027-01-24'),
      placement('c', '2026-12-01', '2027-01-11'),
    ];
    expect(peakLoad(items, '2027-01-04', '2027-01-31')).toBe(3);
    expect(peakLoad(items, '2027-01-18', '2027-01-31')).toBe(1);
    expect(peakLoad([], '2027-01-04', '2027-01-31')).toBe(0);
  });

  it('groups by team, shows each team’s capacity as rows, and packs cancelled bars after booked ones', () => {
    const teams = [team('t1', 2), team('t2', 1), team('t3', 3, { managerId: 'someone' })];
    const groups = buildTimeline(
      range,
      teams,
      [
        placement('x', '2027-01-04', '2027-01-17', { status: 'cancelled' }),
        placement('a', '2027-01-04', '2027-01-17'),
        placement('b', '2027-01-11', '2027-01-24', { status: 'active' }),
        placement('far', '2027-03-01', '2027-03-14'),
        placement('t2a', '2027-01-04', '2027-01-10', { teamId: 't2' }),
      ],
      (t) => t.managerId === 'm1',
    );
    expect(groups.map((g) => g.teamId)).toEqual(['t1', 't2']);
    const t1 = groups[0];
    expect(t1?.capacity).toBe(2);
    expect(t1?.peak).toBe(2);
    expect(t1?.lanes).toBe(3);
    expect(t1?.bars.map((b) => [b.placement.id, b.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['x', 2],
    ]);
    expect(groups[1]?.lanes).toBe(1);
  });

  it('keeps an empty group for a team the viewer runs, with rows up to its capacity', () => {
    const groups = buildTimeline(range, [team('t1', 3)], []);
    expect(groups).toEqual([
      { teamId: 't1', teamName: 'Team t1', capacity: 3, peak: 0, lanes: 3, bars: [], ghosts: [], bands: [] },
    ]);
  });
});

describe('pending requests and blackouts on the timeline', () => {
  it('draws pending requests as ghosts in the rows after booked and cancelled bars, placed by date', () => {
    const groups = buildTimeline(
      range,
      [team('t1', 1)],
      [placement('a', '2027-01-04', '2027-01-17'), placement('x', '2027-01-11', '2027-01-17', { status: 'cancelled' })],
      () => true,
      {
        requests: [
          // Fits in the place after the booked bar ends.
          request('late', '2027-01-18', '2027-01-31', { status: 'pending_manager' }),
          // Overlaps both: a row of its own.
          request('mid', '2027-01-11', '2027-01-24'),
          request('offer', '2027-01-25', '2027-01-31', { status: 'offered' }),
          // Not pending, or outside the range: not drawn.
          request('done', '2027-01-04', '2027-01-10', { status: 'booked' }),
          request('gone', '2027-01-04', '2027-01-10', { status: 'withdrawn' }),
          request('far', '2027-03-01', '2027-03-14'),
        ],
      },
    );
    const t1 = groups[0];
    expect(t1?.bars.map((b) => [b.placement.id, b.lane])).toEqual([
      ['a', 0],
      ['x', 1],
    ]);
    expect(t1?.ghosts.map((g) => [g.request.id, g.lane])).toEqual([
      ['mid', 2],
      ['late', 0],
      ['offer', 1],
    ]);
    expect(t1?.ghosts.find((g) => g.request.id === 'late')?.geometry).toEqual({
      leftPct: 50,
      widthPct: 50,
      clippedStart: false,
      clippedEnd: false,
    });
    // Capacity 1, but three rows are needed to show everything without overlaps.
    expect(t1?.lanes).toBe(3);
    // A ghost takes no place: the peak counts booked placements only.
    expect(t1?.peak).toBe(1);
  });

  it('shows a team that has only a pending request, even one the viewer does not run', () => {
    const groups = buildTimeline(range, [team('t1', 2), team('t2', 2)], [], () => false, {
      requests: [request('r', '2027-01-11', '2027-01-17', { teamId: 't2' })],
    });
    expect(groups.map((g) => [g.teamId, g.ghosts.length])).toEqual([['t2', 1]]);
  });

  it('lays a team’s own and the global blackouts across its rows, not other teams’', () => {
    const blackouts = [
      blackout('global', null, '2027-01-27', '2027-01-31'),
      blackout('own', 't1', '2027-01-11', '2027-01-13'),
      blackout('other', 't2', '2027-01-04', '2027-01-08'),
      blackout('before', null, '2026-12-28', '2027-01-05'),
      blackout('after', 't1', '2027-02-01', '2027-02-05'),
    ];
    const bands = blackoutBands(range, 't1', blackouts);
    expect(bands.map((b) => b.blackout.id)).toEqual(['before', 'own', 'global']);
    // Days 7..9 of 28.
    expect(bands[1]?.geometry.leftPct).toBe(25);
    expect(bands[1]?.geometry.widthPct).toBeCloseTo((3 / 28) * 100);
    // Runs in from before the range: clipped at the left edge.
    expect(bands[0]?.geometry).toEqual({ leftPct: 0, widthPct: (2 / 28) * 100, clippedStart: true, clippedEnd: false });

    const groups = buildTimeline(range, [team('t1', 1), team('t2', 1)], [], () => true, { blackouts });
    expect(groups.map((g) => g.bands.map((b) => b.blackout.id))).toEqual([
      ['before', 'own', 'global'],
      ['before', 'other', 'global'],
    ]);
  });

  it('stacks rows one pitch apart, bars inset from the track’s top', () => {
    expect(laneTop(0)).toBe(8);
    expect(laneTop(2) - laneTop(1)).toBe(LANE_PITCH);
  });
});

describe('moving a bar', () => {
  it('snaps a drag to the nearest whole day of the track', () => {
    // 28 days on 560 px: 20 px a day.
    expect(snapDays(0, 560, 28)).toBe(0);
    expect(snapDays(9, 560, 28)).toBe(0);
    expect(snapDays(11, 560, 28)).toBe(1);
    expect(snapDays(140, 560, 28)).toBe(7);
    expect(snapDays(-31, 560, 28)).toBe(-2);
    expect(Object.is(snapDays(-4, 560, 28), -0)).toBe(false);
    // 12 weeks on 840 px: 10 px a day.
    expect(snapDays(74, 840, 84)).toBe(7);
    // Nothing laid out (yet): no move.
    expect(snapDays(100, 0, 28)).toBe(0);
  });

  it('moves both ends by whole days, keeping the length, and says how far in words', () => {
    expect(shiftDates({ startDate: '2027-01-11', endDate: '2027-01-24' }, 7)).toEqual({
      startDate: '2027-01-18',
      endDate: '2027-01-31',
    });
    expect(shiftDates({ startDate: '2027-01-04', endDate: '2027-01-17' }, -5)).toEqual({
      startDate: '2026-12-30',
      endDate: '2027-01-12',
    });
    expect(describeShift(1)).toBe('1 day later');
    expect(describeShift(-14)).toBe('2 weeks earlier');
    expect(describeShift(10)).toBe('1 week and 3 days later');
    expect(describeShift(0)).toBe('unchanged');
  });
});
