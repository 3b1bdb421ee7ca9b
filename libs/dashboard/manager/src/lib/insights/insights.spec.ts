import type { CheckIn, Placement, SkillRatings, Team } from '@stint/contracts';
import {
  completionByMonth,
  durationHistogram,
  durationVsChange,
  insightsByTeam,
  meanChangeByDuration,
  meanChangeBySkill,
  skillChange,
  skillChanges,
} from './insights';

let seq = 0;
const checkIn = (
  scheduledAt: string,
  status: CheckIn['status'],
  ratings: SkillRatings | null = null,
  completedAt: string | null = null,
): CheckIn => ({
  id: `c${++seq}`,
  placementId: 'p',
  kind: 'weekly',
  scheduledAt,
  status,
  completedAt: completedAt ?? (status === 'completed' ? scheduledAt : null),
  ratings,
  notes: '',
  feedback: [],
});

const placement = (
  id: string,
  teamId: string,
  weeks: number,
  checkIns: CheckIn[],
  status: Placement['status'] = 'completed',
): Placement => ({
  id,
  requestId: `r-${id}`,
  pmId: `pm-${id}`,
  teamId,
  startDate: '2026-09-07',
  endDate: '2026-10-04',
  durationWeeks: weeks,
  status,
  cancelledReason: null,
  checkIns,
});

const r = (negotiation: number, closing: number, persistence: number): SkillRatings => ({
  negotiation,
  closing,
  persistence,
});

const grew = placement('a', 't1', 4, [
  checkIn('2026-09-07T10:00:00.000Z', 'completed', r(2, 1, 3)),
  checkIn('2026-09-14T10:00:00.000Z', 'overdue'),
  // Filed late: order by completion, so this is the last rating.
  checkIn('2026-09-21T10:00:00.000Z', 'completed', r(4, 3, 3), '2026-10-10T10:00:00.000Z'),
  checkIn('2026-10-02T10:00:00.000Z', 'completed', r(3, 2, 4), '2026-10-02T12:00:00.000Z'),
  checkIn('2026-11-03T10:00:00.000Z', 'upcoming'),
]);
const short = placement('b', 't2', 2, [
  checkIn('2026-10-05T10:00:00.000Z', 'completed', r(3, 3, 3)),
  checkIn('2026-10-12T10:00:00.000Z', 'completed', r(3, 4, 3)),
]);
const once = placement('c', 't1', 4, [
  checkIn('2026-10-05T10:00:00.000Z', 'completed', r(1, 1, 1)),
  checkIn('2026-10-12T10:00:00.000Z', 'overdue'),
]);
const cancelled = placement(
  'd',
  't2',
  6,
  [
    checkIn('2026-10-05T10:00:00.000Z', 'completed', r(1, 1, 1)),
    checkIn('2026-10-12T10:00:00.000Z', 'completed', r(5, 5, 5)),
  ],
  'cancelled',
);

describe('insights', () => {
  it('takes the change from the first to the last completed rating, by completion time', () => {
    expect(skillChange(grew)).toMatchObject({ first: r(2, 1, 3), last: r(4, 3, 3), change: r(2, 2, 0) });
    expect(skillChange(grew)?.mean).toBeCloseTo(4 / 3);
  });

  it('needs two completed ratings to speak of change, and leaves cancelled rotations out', () => {
    expect(skillChange(once)).toBeNull();
    expect(skillChanges([grew, short, once, cancelled]).map((c) => c.placementId)).toEqual(['a', 'b']);
  });

  it('averages the change per skill', () => {
    expect(meanChangeBySkill(skillChanges([grew, short]))).toEqual({ negotiation: 1, closing: 1.5, persistence: 0 });
    expect(meanChangeBySkill([])).toEqual({ negotiation: null, closing: null, persistence: null });
  });

  it('counts rotations per length', () => {
    expect(durationHistogram([grew, short, once, cancelled])).toEqual([
      { weeks: 2, count: 1 },
      { weeks: 4, count: 2 },
    ]);
  });

  it('summarises each team', () => {
    const teams = new Map<string, Team>([['t1', { id: 't1', name: 'EMEA Enterprise' } as Team]]);
    const rows = insightsByTeam([grew, short, once, cancelled], teams);
    expect(rows.map((t) => [t.teamName, t.placements, t.rated, t.averageWeeks, t.closing])).toEqual([
      ['EMEA Enterprise', 2, 1, 4, 2],
      ['Team t2', 1, 1, 2, 1],
    ]);
  });

  it('plots length against mean change, with a mean per length', () => {
    const changes = skillChanges([grew, short]);
    expect(durationVsChange(changes)).toEqual([
      { x: 4, y: 1.33, placementId: 'a' },
      { x: 2, y: 0.33, placementId: 'b' },
    ]);
    expect(meanChangeByDuration(changes).map((m) => [m.weeks, m.count])).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('rates completion per month over due check-ins only (completed + overdue)', () => {
    expect(completionByMonth([grew, once])).toEqual([
      { month: '2026-09', completed: 2, due: 3, rate: 2 / 3 },
      { month: '2026-10', completed: 2, due: 3, rate: 2 / 3 },
    ]);
  });
});
