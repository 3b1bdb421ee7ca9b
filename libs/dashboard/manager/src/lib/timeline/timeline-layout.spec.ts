import type { Placement, Team } from '@stint/contracts';
import { barGeometry, buildTimeline, packLanes, peakLoad, rangeEnd, todayPct, weekColumns } from './timeline-layout';

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
    expect(groups).toEqual([{ teamId: 't1', teamName: 'Team t1', capacity: 3, peak: 0, lanes: 3, bars: [] }]);
  });
});
