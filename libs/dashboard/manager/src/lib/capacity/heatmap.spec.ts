import type { Blackout, CapacityWeek, Team } from '@stint/contracts';
import { blackoutCover, buildHeatmap, HEAT_COLORS, heatLevel, HeatLevel, teamMatches } from './heatmap';

function luminance(hex: string): number {
  const channels = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (channels[0] ?? 0) + 0.7152 * (channels[1] ?? 0) + 0.0722 * (channels[2] ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const team = (id: string, name: string, over: Partial<Team> = {}): Team => ({
  id,
  name,
  region: 'EMEA',
  segment: 'Enterprise',
  managerId: 'm',
  capacity: 3,
  timezone: 'UTC',
  holidayCountry: null,
  active: true,
  ...over,
});

describe('heat-map colouring', () => {
  it('grades booked against capacity: free, a third, two thirds, nearly full, full', () => {
    expect(heatLevel(0, 4)).toBe(0);
    expect(heatLevel(1, 4)).toBe(1);
    expect(heatLevel(2, 4)).toBe(2);
    expect(heatLevel(3, 4)).toBe(3);
    expect(heatLevel(4, 4)).toBe(4);
    expect(heatLevel(1, 3)).toBe(1);
    expect(heatLevel(2, 3)).toBe(2);
    expect(heatLevel(3, 3)).toBe(4);
    expect(heatLevel(1, 2)).toBe(2);
    expect(heatLevel(1, 1)).toBe(4);
  });

  it('treats over-booking (capacity lowered later) and zero capacity as full', () => {
    expect(heatLevel(5, 4)).toBe(4);
    expect(heatLevel(1, 0)).toBe(4);
    expect(heatLevel(0, 0)).toBe(0);
  });

  it('keeps every colour readable: at least 4.5:1 between cell text and background', () => {
    for (const level of [0, 1, 2, 3, 4] as HeatLevel[]) {
      expect(contrast(HEAT_COLORS[level].background, HEAT_COLORS[level].text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('marks team and global blackouts covering all or part of a week', () => {
    const blackouts: Blackout[] = [
      { id: 'b1', teamId: 't1', startsOn: '2027-01-04', endsOn: '2027-01-10', reason: 'Sales kick-off' },
      { id: 'b2', teamId: null, startsOn: '2027-01-15', endsOn: '2027-01-20', reason: 'Year-end close' },
      { id: 'b3', teamId: 't2', startsOn: '2027-01-11', endsOn: '2027-01-17', reason: 'Other team' },
    ];
    expect(blackoutCover('t1', '2027-01-04', blackouts)).toEqual({ cover: 'full', reasons: ['Sales kick-off'] });
    expect(blackoutCover('t1', '2027-01-11', blackouts)).toEqual({ cover: 'partial', reasons: ['Year-end close'] });
    expect(blackoutCover('t1', '2027-01-25', blackouts)).toEqual({ cover: 'none', reasons: [] });
  });

  it('builds teams × weeks in the API’s team order with a label in words per cell', () => {
    const weeks: CapacityWeek[] = [
      { teamId: 't2', weekStart: '2027-01-11', booked: 1, capacity: 2 },
      { teamId: 't2', weekStart: '2027-01-04', booked: 2, capacity: 2 },
      { teamId: 't1', weekStart: '2027-01-04', booked: 0, capacity: 3 },
      { teamId: 't1', weekStart: '2027-01-11', booked: 3, capacity: 3 },
    ];
    const teams = new Map([
      ['t1', team('t1', 'EMEA Enterprise')],
      ['t2', team('t2', 'APAC Growth')],
    ]);
    const map = buildHeatmap(weeks, teams, [
      { id: 'b', teamId: null, startsOn: '2027-01-04', endsOn: '2027-01-05', reason: 'Holiday' },
    ]);
    expect(map.weeks).toEqual(['2027-01-04', '2027-01-11']);
    expect(map.rows.map((r) => r.teamName)).toEqual(['APAC Growth', 'EMEA Enterprise']);
    expect(map.rows[0]?.cells.map((c) => [c.week, c.level, c.blackout])).toEqual([
      ['2027-01-04', 4, 'partial'],
      ['2027-01-11', 2, 'none'],
    ]);
    expect(map.rows[0]?.cells[0]?.label).toBe(
      'APAC Growth, week of 4 Jan 2027: 2 of 2 booked, full, blackout part of the week (Holiday)',
    );
    expect(map.rows[1]?.cells[1]?.label).toBe('EMEA Enterprise, week of 11 Jan 2027: 3 of 3 booked, full');
  });

  it('finds teams by name, region or segment, ignoring case and accents', () => {
    const t = team('t', 'LATAM Partners', { region: 'São Paulo', segment: 'Partners' });
    expect(teamMatches(t, '', 'latam')).toBe(true);
    expect(teamMatches(t, '', 'sao')).toBe(true);
    expect(teamMatches(t, '', 'partn')).toBe(true);
    expect(teamMatches(t, '', 'emea')).toBe(false);
    expect(teamMatches(t, '', '  ')).toBe(true);
    expect(teamMatches(undefined, 'Team 1234', '1234')).toBe(true);
  });
});
