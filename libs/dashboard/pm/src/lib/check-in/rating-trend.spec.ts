import type { CheckIn } from '@stint/contracts';
import { formatChange, linePoints, ratingTrend } from './rating-trend';

const checkIn = (
  id: string,
  scheduledAt: string,
  ratings: CheckIn['ratings'],
  status: CheckIn['status'] = 'completed',
  kind: CheckIn['kind'] = 'weekly',
): CheckIn => ({
  id,
  placementId: 'p',
  kind,
  scheduledAt,
  status,
  completedAt: status === 'completed' ? scheduledAt : null,
  ratings,
  notes: '',
  feedback: [],
  owner: kind === 'pulse' ? 'line_manager' : 'pm',
  wouldSendAgain: null,
  goalOutcomes: null,
  assessment: null,
});

describe('ratingTrend', () => {
  it('orders completed check-ins by when they were scheduled and measures first to last', () => {
    const trend = ratingTrend([
      checkIn('c3', '2027-01-18T09:00:00Z', { negotiation: 4, closing: 3, persistence: 3 }),
      checkIn('c1', '2027-01-04T09:00:00Z', { negotiation: 2, closing: 2, persistence: 3 }),
      checkIn('c2', '2027-01-11T09:00:00Z', { negotiation: 3, closing: 2, persistence: 2 }),
    ]);
    expect(trend.points.map((p) => p.checkInId)).toEqual(['c1', 'c2', 'c3']);
    expect(trend.change).toEqual({ negotiation: 2, closing: 1, persistence: 0 });
  });

  it("leaves out the line manager's pulse: it rates the PM, it is not their self-rating", () => {
    const trend = ratingTrend([
      checkIn('c1', '2027-01-04T09:00:00Z', { negotiation: 2, closing: 2, persistence: 2 }),
      checkIn('c2', '2027-01-29T09:00:00Z', { negotiation: 3, closing: 3, persistence: 3 }, 'completed', 'final'),
      checkIn('c3', '2027-03-29T09:00:00Z', { negotiation: 5, closing: 5, persistence: 5 }, 'completed', 'pulse'),
    ]);
    expect(trend.points.map((p) => p.checkInId)).toEqual(['c1', 'c2']);
    expect(trend.change).toEqual({ negotiation: 1, closing: 1, persistence: 1 });
  });

  it('leaves out check-ins without a reflection, and duplicates', () => {
    const done = checkIn('c1', '2027-01-04T09:00:00Z', { negotiation: 2, closing: 2, persistence: 2 });
    const trend = ratingTrend([
      done,
      done,
      checkIn('c2', '2027-01-11T09:00:00Z', null, 'upcoming'),
      checkIn('c3', '2027-01-12T09:00:00Z', null, 'overdue'),
    ]);
    expect(trend.points).toHaveLength(1);
    expect(trend.change).toBeNull();
  });

  it('has nothing to show before the first reflection', () => {
    expect(ratingTrend([])).toEqual({ points: [], change: null });
  });
});

describe('chart helpers', () => {
  it('writes changes with their sign', () => {
    expect(formatChange(2)).toBe('+2');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(-1)).toBe('−1');
  });

  it('maps rating 1 to the bottom and 5 to the top of the plot', () => {
    expect(linePoints([1, 5], { width: 120, height: 100, padding: 10 })).toBe('10,90 110,10');
    expect(linePoints([3], { width: 120, height: 100, padding: 10 })).toBe('60,50');
    expect(linePoints([], { width: 120, height: 100, padding: 10 })).toBe('');
  });
});
