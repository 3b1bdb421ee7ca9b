import fc from 'fast-check';
import type { GoalOutcome, RatingsBySkill, RotationOutcome } from '@stint/contracts';
import { meanInterval, OUTCOME_METHOD, rotationGains, summariseOutcomes, tCritical95 } from './outcome-statistics';

const SKILLS = ['negotiation', 'closing', 'persistence'];

const uniform = (v: number): RatingsBySkill => ({ negotiation: v, closing: v, persistence: v });

let nextId = 0;
const rotation = (overrides: Partial<RotationOutcome> = {}): RotationOutcome => {
  nextId += 1;
  return {
    placementId: `p-${nextId}`,
    pmName: `PM ${nextId}`,
    teamName: 'Team North',
    region: 'EMEA',
    startDate: '2027-01-04',
    endDate: '2027-01-31',
    durationWeeks: 4,
    finished: true,
    kickoff: null,
    final: null,
    host: null,
    pulse: null,
    wouldSendAgain: null,
    goalOutcomes: null,
    ...overrides,
  };
};

/** A finished rotation rated the same on every skill: kickoff k, then final f, host h, pulse p. */
const rated = (durationWeeks: number, k: number, f: number, h: number, p: number): RotationOutcome =>
  rotation({ durationWeeks, kickoff: uniform(k), final: uniform(f), host: uniform(h), pulse: uniform(p) });

const times = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make);

describe('tCritical95', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [7, 2.365],
    [10, 2.228],
    [30, 2.042],
    [40, 2.021],
    [60, 2.0],
    [120, 1.98],
  ])('matches the table at df %i', (df, t) => {
    expect(tCritical95(df)).toBeCloseTo(t, 3);
  });

  it('approaches 1.96 for large df', () => {
    expect(tCritical95(1e6)).toBeCloseTo(1.96, 3);
    expect(tCritical95(Infinity)).toBe(1.959964);
  });

  it('interpolates linearly in 1/df between table points', () => {
    // 1/35 lies 4/7 of the way from 1/30 to 1/40; the exact t(35) is 2.0301.
    expect(tCritical95(35)).toBeCloseTo(2.042272 + (4 / 7) * (2.021075 - 2.042272), 9);
    expect(tCritical95(35)).toBeCloseTo(2.0301, 3);
    expect(tCritical95(90)).toBeCloseTo(1.9867, 3); // exact 1.9867
  });

  it('refuses fewer than 1 degree of freedom', () => {
    expect(() => tCritical95(0)).toThrow(RangeError);
    expect(() => tCritical95(Number.NaN)).toThrow(RangeError);
  });

  it('never rises as df grows, and stays between 1.96 and 12.71', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (df, d) => {
          const a = tCritical95(df);
          const b = tCritical95(df + d);
          expect(b).toBeLessThanOrEqual(a + 1e-12);
          expect(a).toBeGreaterThanOrEqual(1.959964);
          expect(a).toBeLessThanOrEqual(12.706205);
        },
      ),
    );
  });
});

describe('meanInterval', () => {
  it('gives no interval for fewer than two values', () => {
    expect(meanInterval([])).toBeNull();
    expect(meanInterval([3])).toBeNull();
  });

  it('gives a t-interval on a known data set', () => {
    // mean 5, s = sqrt(32/7) = 2.138, t(7) = 2.365: 5 ± 1.787
    expect(meanInterval([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, ci95: [3.21, 6.79], n: 8 });
  });

  it('uses t(1) for two values and a zero-width interval for identical values', () => {
    // mean 1.5, s = 0.7071, se = 0.5, t(1) = 12.706: 1.5 ± 6.353
    expect(meanInterval([1, 2])).toEqual({ mean: 1.5, ci95: [-4.85, 7.85], n: 2 });
    expect(meanInterval([0.4, 0.4, 0.4])).toEqual({ mean: 0.4, ci95: [0.4, 0.4], n: 3 });
  });

  it('rounds mean and bounds to 2 decimals', () => {
    // mean 2/3; s = 0.5774, se = 1/3, t(2) = 4.3027: 0.667 ± 1.434
    expect(meanInterval([1, 0, 1])).toEqual({ mean: 0.67, ci95: [-0.77, 2.1], n: 3 });
  });

  describe('on a skewed sample of 8 or more', () => {
    const skewed = [0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6, 2.5, 4.0];
    // The t-interval would be 0.91 ± 2.262 × 1.2914 / √10 = [-0.01, 1.83].

    it('switches to a bootstrap interval', () => {
      const result = meanInterval(skewed);
      expect(result).not.toBeNull();
      if (!result) return;
      expect(result.mean).toBe(0.91);
      expect(result.n).toBe(10);
      expect(result.ci95).not.toEqual([-0.01, 1.83]);
      // A resampled mean can never fall below the smallest value.
      expect(result.ci95[0]).toBeGreaterThanOrEqual(0.1);
      expect(result.ci95[0]).toBeLessThan(result.mean);
      expect(result.ci95[1]).toBeGreaterThan(result.mean);
      expect(result.ci95[1]).toBeLessThanOrEqual(4);
    });

    it('is reproducible, with the default seed and with a given one', () => {
      expect(meanInterval(skewed)).toEqual(meanInterval(skewed));
      expect(meanInterval(skewed, 42)).toEqual(meanInterval(skewed, 42));
      expect(meanInterval(skewed, 42)).not.toEqual(meanInterval(skewed, 7));
    });

    it('keeps the t-interval below 8 values, however skewed', () => {
      // mean 1, s = 2.449, t(5) = 2.571: 1 ± 2.570
      expect(meanInterval([0, 0, 0, 0, 0, 6])).toEqual({ mean: 1, ci95: [-1.57, 3.57], n: 6 });
    });
  });
});

describe('OUTCOME_METHOD', () => {
  it('names both kinds of interval', () => {
    expect(OUTCOME_METHOD).toMatch(/Student t/);
    expect(OUTCOME_METHOD).toMatch(/bootstrap/);
    expect(OUTCOME_METHOD).toMatch(/2,000/);
  });
});

describe('rotationGains', () => {
  it('averages each viewpoint over the skills it shares with the kickoff', () => {
    const r = rotation({
      kickoff: { negotiation: 2, closing: 3, persistence: 1 },
      final: { negotiation: 4, closing: 3, persistence: 2 }, // +2, 0, +1
      host: { negotiation: 3, closing: 5 }, // +1, +2; persistence not assessed
      pulse: null,
    });
    expect(rotationGains(r, SKILLS)).toEqual({
      self: 1,
      host: 1.5,
      pulse: null,
      bySkill: {
        negotiation: { self: 2, host: 1, pulse: null },
        closing: { self: 0, host: 2, pulse: null },
        persistence: { self: 1, host: null, pulse: null },
      },
    });
  });

  it('counts losses as negative gains', () => {
    const r = rotation({
      kickoff: { negotiation: 4, closing: 4, persistence: 4 },
      final: { negotiation: 3, closing: 4, persistence: 4 },
      pulse: { negotiation: 2, closing: 3, persistence: 5 }, // -2, -1, +1
    });
    const gains = rotationGains(r, SKILLS);
    expect(gains.self).toBeCloseTo(-1 / 3, 12);
    expect(gains.host).toBeNull();
    expect(gains.pulse).toBeCloseTo(-2 / 3, 12);
  });

  it('gives nothing without a kickoff', () => {
    const r = rotation({ kickoff: null, final: uniform(5), host: uniform(5), pulse: uniform(5) });
    expect(rotationGains(r, SKILLS)).toEqual({
      self: null,
      host: null,
      pulse: null,
      bySkill: {
        negotiation: { self: null, host: null, pulse: null },
        closing: { self: null, host: null, pulse: null },
        persistence: { self: null, host: null, pulse: null },
      },
    });
  });

  it('ignores skills outside the list, and is null when no listed skill is shared', () => {
    const r = rotation({
      kickoff: { negotiation: 1, storytelling: 1 },
      final: { closing: 4, storytelling: 5 }, // shares only storytelling, which is not listed
      host: { negotiation: 3, storytelling: 5 },
      pulse: {},
    });
    const gains = rotationGains(r, SKILLS);
    expect(gains.self).toBeNull();
    expect(gains.host).toBe(2);
    expect(gains.pulse).toBeNull();
    expect(Object.keys(gains.bySkill)).toEqual(SKILLS);
    expect(rotationGains(r, [...SKILLS, 'storytelling']).self).toBe(4);
  });
});

describe('summariseOutcomes', () => {
  it('summarises finished rotations per length and leaves running ones out', () => {
    const rotations = [
      rotation({
        durationWeeks: 2,
        kickoff: uniform(2),
        final: uniform(3), // +1
        host: uniform(4), // +2
        pulse: uniform(3), // +1
        wouldSendAgain: true,
        goalOutcomes: [
          { goal: 'Close a deal', result: 'met' },
          { goal: 'Handle objections', result: 'partly_met' },
        ],
      }),
      rotation({
        durationWeeks: 2,
        kickoff: uniform(3),
        final: uniform(3), // 0
        pulse: uniform(5), // +2
        wouldSendAgain: false,
        goalOutcomes: [{ goal: 'Cold-call', result: 'met' }],
      }),
      rotation({ durationWeeks: 2, kickoff: uniform(1), final: uniform(2), host: uniform(2) }), // +1, +1
      rotation({ durationWeeks: 2, finished: false, kickoff: uniform(1), final: uniform(5), wouldSendAgain: false }),
      rotation({
        durationWeeks: 3,
        final: uniform(4),
        host: uniform(4),
        pulse: uniform(4),
        wouldSendAgain: true,
        goalOutcomes: [],
      }),
      rotation({ durationWeeks: 6, finished: false, kickoff: uniform(1), final: uniform(5) }),
    ];
    const report = summariseOutcomes(rotations, SKILLS);

    expect(report.finishedRotations).toBe(4);
    expect(report.runningRotations).toBe(2);
    expect(report.skills).toEqual(SKILLS);
    expect(report.method).toBe(OUTCOME_METHOD);
    expect(report.byDuration.map((d) => d.durationWeeks)).toEqual([2, 3]);

    const wide = { mean: 1.5, ci95: [-4.85, 7.85], n: 2 }; // [1, 2] or [2, 1] under t(1)
    const selfGain = { mean: 0.67, ci95: [-0.77, 2.1], n: 3 }; // [1, 0, 1]
    const [two, three] = report.byDuration;
    expect(two).toEqual({
      durationWeeks: 2,
      rotations: 3,
      withSelf: 3,
      withHost: 2,
      withPulse: 2,
      self: selfGain,
      host: wide,
      pulse: wide,
      wouldSendAgain: 0.5,
      // Every skill moved alike, so each skill repeats the overall figures.
      bySkill: Object.fromEntries(SKILLS.map((s) => [s, { self: selfGain, host: wide, pulse: wide }])),
      goalsMet: 0.67,
    });
    expect(three).toEqual({
      durationWeeks: 3,
      rotations: 1,
      withSelf: 0,
      withHost: 0,
      withPulse: 0,
      self: null,
      host: null,
      pulse: null,
      wouldSendAgain: 1,
      bySkill: Object.fromEntries(SKILLS.map((s) => [s, { self: null, host: null, pulse: null }])),
      goalsMet: null,
    });

    expect(report.recommendation).toBeNull();
    expect(report.reason).toBe(
      'A recommendation needs at least two lengths with 8 finished rotations that have all three viewpoints; ' +
        'so far 2 weeks has 1 of 8 and 3 weeks has 0 of 8.',
    );
  });

  it('says plainly when no rotation has finished', () => {
    const report = summariseOutcomes([rotation({ finished: false }), rotation({ finished: false })], SKILLS);
    expect(report.finishedRotations).toBe(0);
    expect(report.runningRotations).toBe(2);
    expect(report.byDuration).toEqual([]);
    expect(report.recommendation).toBeNull();
    expect(report.reason).toMatch(/^No rotation has finished yet: /);
  });

  it('summarises an empty list', () => {
    const report = summariseOutcomes([], SKILLS);
    expect(report).toMatchObject({ finishedRotations: 0, runningRotations: 0, byDuration: [], recommendation: null });
    expect(report.reason).toMatch(/^No rotation has finished yet/);
  });

  it('names at most the three best-supplied lengths when data are short', () => {
    const rotations = [
      ...times(5, () => rated(4, 2, 3, 3, 3)),
      ...times(3, () => rated(2, 2, 3, 3, 3)),
      ...times(2, () => rated(1, 2, 3, 3, 3)),
      rated(6, 2, 3, 3, 3),
      ...times(4, () => rotation({ durationWeeks: 6, kickoff: uniform(2), final: uniform(3) })), // incomplete
    ];
    expect(summariseOutcomes(rotations, SKILLS).reason).toBe(
      'A recommendation needs at least two lengths with 8 finished rotations that have all three viewpoints; ' +
        'so far 4 weeks has 5 of 8, 2 weeks has 3 of 8 and 1 week has 2 of 8.',
    );
  });

  it('says which length already has enough when only one does', () => {
    const rotations = [...times(9, () => rated(3, 2, 3, 3, 3)), ...times(4, () => rated(1, 2, 3, 3, 3))];
    expect(summariseOutcomes(rotations, SKILLS).reason).toBe(
      'A recommendation needs at least two lengths with 8 finished rotations that have all three viewpoints; ' +
        'so far 3 weeks has 9 (enough) and 1 week has 4 of 8.',
    );
  });

  describe('when 4 weeks clearly beats the other lengths', () => {
    // 4 weeks: combined gains 5/3 and 4/3, five each: 1.5 ± 2.262 × 0.1757 / √10 = [1.37, 1.63].
    const fourWeeks = [...times(5, () => rated(4, 2, 4, 4, 3)), ...times(5, () => rated(4, 2, 4, 3, 3))];
    // 2 weeks: combined gains 0, 1/3 and 2/3, three each: 0.33 ± 0.22 = [0.11, 0.56].
    const twoWeeks = [
      ...times(3, () => rated(2, 3, 3, 3, 3)),
      ...times(3, () => rated(2, 3, 3, 3, 4)),
      ...times(3, () => rated(2, 3, 3, 4, 4)),
    ];
    // 3 weeks: combined gains 1 and 4/3, four each: 1.17 ± 0.15 = [1.02, 1.32].
    const threeWeeks = [...times(4, () => rated(3, 2, 3, 3, 3)), ...times(4, () => rated(3, 2, 3, 3, 4))];
    // Not enough to compete, and running rotations with big gains: all ignored.
    const others = [
      ...times(3, () => rated(1, 1, 5, 5, 5)),
      ...times(4, () => ({ ...rated(2, 1, 5, 5, 5), finished: false })),
    ];

    it('recommends 4 weeks and says against what', () => {
      const report = summariseOutcomes([...twoWeeks, ...others, ...fourWeeks], SKILLS);
      expect(report.finishedRotations).toBe(22);
      expect(report.runningRotations).toBe(4);
      expect(report.recommendation).toEqual({
        durationWeeks: 4,
        statement:
          '4-week rotations show the largest gain: +1.5 (95% CI 1.4–1.6, 10 rotations), against +0.3 for 2 weeks.',
        basis:
          "Mean change over the PM's kickoff self-rating, averaged over the self-rating, the host's assessment and " +
          "the line manager's pulse; only finished rotations with all three viewpoints (10 at 4 weeks, 9 at 2 weeks); " +
          '95% intervals.',
      });
      expect('reason' in report).toBe(false);
    });

    it('lists the other lengths in descending mean', () => {
      const report = summariseOutcomes([...twoWeeks, ...threeWeeks, ...fourWeeks], SKILLS);
      expect(report.recommendation?.statement).toBe(
        '4-week rotations show the largest gain: +1.5 (95% CI 1.4–1.6, 10 rotations), ' +
          'against +1.2 for 3 weeks and +0.3 for 2 weeks.',
      );
      expect(report.recommendation?.basis).toContain('(10 at 4 weeks, 8 at 3 weeks, 9 at 2 weeks)');
    });

    it('uses the singular for 1 week', () => {
      const oneWeek = fourWeeks.map((r) => ({ ...r, durationWeeks: 1 }));
      const report = summariseOutcomes([...oneWeek, ...twoWeeks], SKILLS);
      expect(report.recommendation?.durationWeeks).toBe(1);
      expect(report.recommendation?.statement).toMatch(/^1-week rotations show the largest gain: \+1\.5 /);
      expect(report.recommendation?.basis).toContain('(10 at 1 week, 9 at 2 weeks)');
    });
  });

  it('recommends nothing while the intervals overlap, and says so', () => {
    // 4 weeks: 0 and 2, four each: 1 ± 0.89 = [0.11, 1.89].
    const fourWeeks = [...times(4, () => rated(4, 2, 2, 2, 2)), ...times(4, () => rated(4, 2, 4, 4, 4))];
    // 3 weeks: 0 and 5/3, four each: 0.83 ± 0.74 = [0.09, 1.58].
    const threeWeeks = [...times(4, () => rated(3, 2, 2, 2, 2)), ...times(4, () => rated(3, 2, 3, 4, 4))];
    const report = summariseOutcomes([...threeWeeks, ...fourWeeks], SKILLS);
    expect(report.recommendation).toBeNull();
    expect(report.reason).toBe(
      'No length stands clearly above the others yet: 4 weeks (+1.0, 95% CI 0.1–1.9) overlaps 3 weeks (+0.8, 0.1–1.6). ' +
        'More finished rotations will narrow the intervals.',
    );
  });

  it('writes an interval with a negative bound with "to"', () => {
    // 2 weeks: -1 and 0, four each: -0.5 ± 0.45; 3 weeks: -1 and +1/3, four each: -0.33 ± 0.60.
    const twoWeeks = [...times(4, () => rated(2, 3, 2, 2, 2)), ...times(4, () => rated(2, 3, 3, 3, 3))];
    const threeWeeks = [...times(4, () => rated(3, 3, 2, 2, 2)), ...times(4, () => rated(3, 3, 3, 3, 4))];
    const report = summariseOutcomes([...twoWeeks, ...threeWeeks], SKILLS);
    expect(report.recommendation).toBeNull();
    expect(report.reason).toBe(
      'No length stands clearly above the others yet: 3 weeks (-0.3, 95% CI -0.9 to 0.3) overlaps ' +
        '2 weeks (-0.5, -0.9 to -0.1). More finished rotations will narrow the intervals.',
    );
  });

  describe('property: without two lengths of 8 complete rotations there is no recommendation', () => {
    const rating = fc.integer({ min: 1, max: 5 });
    // Any subset of the skills, so a viewpoint may share no skill with the kickoff.
    const ratings = fc
      .record({ negotiation: rating, closing: rating, persistence: rating }, { requiredKeys: [] })
      .map((r): RatingsBySkill => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const goal: fc.Arbitrary<GoalOutcome> = fc.record({
      goal: fc.constantFrom('Close a deal', 'Run a demo'),
      result: fc.constantFrom('met' as const, 'partly_met' as const, 'not_met' as const),
    });
    const anyRotation = fc
      .record({
        durationWeeks: fc.integer({ min: 1, max: 8 }),
        finished: fc.boolean(),
        kickoff: maybe(ratings),
        final: maybe(ratings),
        host: maybe(ratings),
        pulse: maybe(ratings),
        wouldSendAgain: maybe(fc.boolean()),
        goalOutcomes: maybe(fc.array(goal, { maxLength: 3 })),
      })
      .map((fields) => rotation(fields));
    const completeRotation = fc
      .record({ k: rating, f: rating, h: rating, p: rating })
      .map(({ k, f, h, p }) => rated(0, k, f, h, p));
    // Mostly complete rotations of any length, so the cap of 7 below is often reached.
    const likelyComplete = fc
      .record({ durationWeeks: fc.integer({ min: 1, max: 8 }), r: completeRotation })
      .map(({ durationWeeks, r }) => ({ ...r, durationWeeks }));

    // Independent of the module: complete = finished, and every viewpoint shares a skill with the kickoff.
    const shares = (a: RatingsBySkill | null, b: RatingsBySkill | null): boolean =>
      !!a && !!b && SKILLS.some((s) => a[s] !== undefined && b[s] !== undefined);
    const isComplete = (r: RotationOutcome): boolean =>
      r.finished && shares(r.kickoff, r.final) && shares(r.kickoff, r.host) && shares(r.kickoff, r.pulse);

    /** At most one length (`big`) may reach 8 complete rotations; elsewhere the 8th and later lose their pulse. */
    const scenario = fc
      .record({
        big: maybe(fc.integer({ min: 1, max: 8 })),
        bigRotations: fc.array(completeRotation, { maxLength: 20 }),
        others: fc.array(fc.oneof(anyRotation, likelyComplete), { maxLength: 80, size: 'max' }),
      })
      .chain(({ big, bigRotations, others }) => {
        const complete = new Map<number, number>();
        const capped = others.map((r) => {
          if (r.durationWeeks === big || !isComplete(r)) return r;
          const count = (complete.get(r.durationWeeks) ?? 0) + 1;
          complete.set(r.durationWeeks, count);
          return count >= 8 ? { ...r, pulse: null } : r;
        });
        const all = [...(big === null ? [] : bigRotations.map((r) => ({ ...r, durationWeeks: big }))), ...capped];
        return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
      });

    it('holds for random rotations with random missing viewpoints', () => {
      fc.assert(
        fc.property(scenario, (rotations) => {
          const completeBy = new Map<number, number>();
          for (const r of rotations.filter(isComplete)) {
            completeBy.set(r.durationWeeks, (completeBy.get(r.durationWeeks) ?? 0) + 1);
          }
          expect([...completeBy.values()].filter((c) => c >= 8).length).toBeLessThanOrEqual(1);

          const report = summariseOutcomes(rotations, SKILLS);
          expect(report.recommendation).toBeNull();
          // The reason is the missing data, never overlapping intervals.
          expect(report.reason).toMatch(
            /^(A recommendation needs at least two lengths with 8 finished rotations|No rotation has finished yet: )/,
          );

          const finished = rotations.filter((r) => r.finished).length;
          expect(report.finishedRotations).toBe(finished);
          expect(report.runningRotations).toBe(rotations.length - finished);
          expect(report.byDuration.reduce((n, d) => n + d.rotations, 0)).toBe(finished);
          const lengths = report.byDuration.map((d) => d.durationWeeks);
          expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        }),
        { numRuns: 150 },
      );
    });
  });
});
