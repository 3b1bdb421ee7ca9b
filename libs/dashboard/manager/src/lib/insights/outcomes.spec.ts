import type { DurationOutcome, OutcomesReport } from '@stint/contracts';
import {
  defaultBreakdownWeeks,
  formatGain,
  formatShare,
  gainScale,
  headline,
  missingGain,
  position,
  regionsOf,
  runningNote,
  skillIntervals,
} from './outcomes';

const gain = (mean: number, lo: number, hi: number, n = 9) => ({ mean, ci95: [lo, hi] as [number, number], n });

const duration = (weeks: number, rotations: number, extra: Partial<DurationOutcome> = {}): DurationOutcome => ({
  durationWeeks: weeks,
  rotations,
  withSelf: rotations,
  withHost: rotations,
  withPulse: 0,
  self: gain(1, 0.5, 1.5, rotations),
  host: gain(0.8, 0.2, 1.4, rotations),
  pulse: null,
  wouldSendAgain: null,
  bySkill: {},
  goalsMet: null,
  ...extra,
});

const report = (extra: Partial<OutcomesReport> = {}): OutcomesReport => ({
  skills: ['negotiation', 'closing', 'persistence'],
  finishedRotations: 12,
  runningRotations: 0,
  byDuration: [duration(2, 4), duration(4, 8)],
  recommendation: null,
  reason: 'No length has 8 finished rotations with all three viewpoints yet.',
  method: '95% t-interval.',
  ...extra,
});

describe('outcomes in words', () => {
  it('leads with the recommendation and its basis', () => {
    const rec = { durationWeeks: 4, statement: 'Four weeks teach most.', basis: '9 rotations of 4 weeks …' };
    expect(headline(report({ recommendation: rec, reason: undefined }))).toEqual({
      statement: 'Four weeks teach most.',
      basis: '9 rotations of 4 weeks …',
    });
  });

  it('says plainly why there is no recommendation yet', () => {
    expect(headline(report())).toEqual({
      statement: 'Not enough evidence yet: no length has 8 finished rotations with all three viewpoints yet.',
      basis: null,
    });
    expect(headline(report({ reason: 'A recommendation needs two lengths.' })).statement).toBe(
      'Not enough evidence yet: a recommendation needs two lengths.',
    );
    expect(headline(report({ reason: 'EMEA has no finished rotation.' })).statement).toBe(
      'Not enough evidence yet: EMEA has no finished rotation.',
    );
  });

  it('counts running rotations apart', () => {
    expect(runningNote(0)).toBeNull();
    expect(runningNote(1)).toBe('1 rotation still running is not counted.');
    expect(runningNote(3)).toBe('3 rotations still running are not counted.');
  });

  it('writes a gain with its interval, and what a missing one means', () => {
    expect(formatGain(gain(1.24, 0.81, 1.66))).toBe('+1.2 (95% CI +0.8 to +1.7)');
    expect(formatGain(gain(-0.3, -0.9, 0.26))).toBe('−0.3 (95% CI −0.9 to +0.3)');
    expect(missingGain(0)).toBe('no ratings yet · n = 0');
    expect(missingGain(1)).toBe('too few for an interval · n = 1');
    expect(missingGain(null)).toBe('too few ratings for an interval');
    expect(formatShare(0.666)).toBe('67%');
    expect(formatShare(null)).toBe('—');
  });
});

describe('the shared axis', () => {
  it('spans every interval and 0, in half points', () => {
    const scale = gainScale([gain(1, 0.3, 1.7), null, gain(-0.2, -0.6, 0.2)]);
    expect(scale).toEqual({ min: -1, max: 2, ticks: [-1, -0.5, 0, 0.5, 1, 1.5, 2] });
    expect(position(0, scale)).toBeCloseTo(33.3);
    expect(position(5, scale)).toBe(100);
  });

  it('keeps a one-point span when there is little or nothing to show, and whole steps when wide', () => {
    expect(gainScale([])).toEqual({ min: 0, max: 1, ticks: [0, 0.5, 1] });
    expect(gainScale([gain(-0.2, -0.4, -0.1)])).toEqual({ min: -1, max: 0, ticks: [-1, -0.5, 0] });
    expect(gainScale([gain(2, -1, 3.6)]).ticks).toEqual([-1, 0, 1, 2, 3, 4]);
    // An interval ending on a step gets room beyond it, so its cap is not drawn on the frame.
    expect(gainScale([gain(1, 1, 1)])).toEqual({ min: 0, max: 1.5, ticks: [0, 0.5, 1, 1.5] });
    // A gain lies within ±4 on a 1–5 scale: a tiny sample's wider interval runs off the axis instead.
    expect(gainScale([gain(1.5, -4.85, 7.85, 2)])).toEqual({ min: -4, max: 4, ticks: [-4, -3, -2, -1, 0, 1, 2, 3, 4] });
  });

  it('scales the skill breakdown over every length, so switching length keeps it', () => {
    const bySkill = { closing: { self: gain(2, 1, 3), host: null, pulse: null } };
    expect(skillIntervals(report({ byDuration: [duration(4, 8, { bySkill })] }))).toEqual([gain(2, 1, 3), null, null]);
  });
});

describe('choices', () => {
  it('breaks down the recommended length first, else the one with most finished rotations', () => {
    const rec = { durationWeeks: 2, statement: '', basis: '' };
    expect(defaultBreakdownWeeks(report({ recommendation: rec }))).toBe(2);
    expect(defaultBreakdownWeeks(report())).toBe(4);
    expect(defaultBreakdownWeeks(report({ byDuration: [] }))).toBeNull();
  });

  it('offers each region once, sorted, without blanks', () => {
    expect(regionsOf([{ region: 'NA' }, { region: ' EMEA ' }, { region: '' }, { region: 'NA' }])).toEqual([
      'EMEA',
      'NA',
    ]);
  });
});
