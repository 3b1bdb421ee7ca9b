/*
 * Outcome statistics (issue 15): per-rotation gains over the PM's kickoff
 * self-rating, their means with 95% intervals per rotation length, and a
 * recommendation of a length only when the data single one out.
 *
 * Pure functions, no I/O; every result is deterministic (the bootstrap uses a
 * seeded generator).
 */
import type {
  DurationOutcome,
  GoalOutcome,
  MeanInterval,
  OutcomeRecommendation,
  OutcomesReport,
  RatingsBySkill,
  RotationOutcome,
  ViewpointGains,
} from '@stint/contracts';

// ---------------------------------------------------------------------------
// Student t critical values
// ---------------------------------------------------------------------------

/** Two-sided 95% critical values of Student's t: [degrees of freedom, t]. */
const T_TABLE_95: ReadonlyArray<readonly [number, number]> = [
  [1, 12.706205],
  [2, 4.302653],
  [3, 3.182446],
  [4, 2.776445],
  [5, 2.570582],
  [6, 2.446912],
  [7, 2.364624],
  [8, 2.306004],
  [9, 2.262157],
  [10, 2.228139],
  [11, 2.200985],
  [12, 2.178813],
  [13, 2.160369],
  [14, 2.144787],
  [15, 2.13145],
  [16, 2.119905],
  [17, 2.109816],
  [18, 2.100922],
  [19, 2.093024],
  [20, 2.085963],
  [21, 2.079614],
  [22, 2.073873],
  [23, 2.068658],
  [24, 2.063899],
  [25, 2.059539],
  [26, 2.055529],
  [27, 2.051831],
  [28, 2.048407],
  [29, 2.04523],
  [30, 2.042272],
  [40, 2.021075],
  [60, 2.000298],
  [120, 1.97993],
];

/** The normal limit (df → ∞). */
const Z_95 = 1.959964;

/**
 * Two-sided 95% critical value of Student's t with `df` degrees of freedom.
 * Exact for the tabulated df (1–30, 40, 60, 120); in between, linear in 1/df.
 * Past 120 it interpolates (again in 1/df) towards the normal value 1.959964,
 * which it reaches as df grows without bound.
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) {
    throw new RangeError(`tCritical95 needs at least 1 degree of freedom, got ${df}`);
  }
  if (df === Infinity) return Z_95;
  let lower: readonly [number, number] | undefined;
  for (const row of T_TABLE_95) {
    if (row[0] === df) return row[1];
    if (row[0] < df) {
      lower = row;
      continue;
    }
    // row is the first table point above df; lower exists since df >= 1.
    return interpolateInverseDf(df, lower ?? row, row[0], row[1]);
  }
  const last = T_TABLE_95[T_TABLE_95.length - 1] as readonly [number, number];
  return interpolateInverseDf(df, last, Infinity, Z_95);
}

function interpolateInverseDf(
  df: number,
  [dfLow, tLow]: readonly [number, number],
  dfHigh: number,
  tHigh: number,
): number {
  const x = 1 / df;
  const xLow = 1 / dfLow;
  const xHigh = 1 / dfHigh; // 0 for Infinity
  const w = (xLow - x) / (xLow - xHigh);
  return tLow + w * (tHigh - tLow);
}

// ---------------------------------------------------------------------------
// Means with 95% intervals
// ---------------------------------------------------------------------------

/** Resamples drawn for a bootstrap interval. */
const BOOTSTRAP_RESAMPLES = 2000;
/** Seed used when the caller gives none, so reports are reproducible. */
const DEFAULT_BOOTSTRAP_SEED = 0x5717_2015;
/** From this many values on, a strongly skewed sample gets a bootstrap interval. */
const BOOTSTRAP_MIN_N = 8;
/** Absolute adjusted skewness above which the t-interval is not trusted. */
const SKEW_LIMIT = 1;

export const OUTCOME_METHOD: string =
  "Each gain is a rating minus the PM's kickoff self-rating on the same skill (1–5 scale), averaged over the skills both share; " +
  'each figure is the mean over rotations with a 95% interval: a Student t interval (mean ± t × s/√n), ' +
  `or, when there are at least ${BOOTSTRAP_MIN_N} values and their adjusted sample skewness exceeds ${SKEW_LIMIT} in size, ` +
  `a percentile bootstrap interval from 2,000 seeded, reproducible resamples; ` +
  'no interval is given for fewer than 2 values, and means and bounds are rounded to 2 decimals.';

interface RawInterval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

/**
 * The mean of `values` with a 95% interval, or null for fewer than two values.
 * A t-interval normally; a bootstrap percentile interval (2,000 resamples,
 * seeded so the result is reproducible) when n ≥ 8 and |skewness| > 1.
 */
export function meanInterval(values: number[], seed: number = DEFAULT_BOOTSTRAP_SEED): MeanInterval | null {
  const raw = rawMeanInterval(values, seed);
  return raw ? rounded(raw) : null;
}

const rounded = (raw: RawInterval): MeanInterval => ({
  mean: round(raw.mean, 2),
  ci95: [round(raw.low, 2), round(raw.high, 2)],
  n: raw.n,
});

function rawMeanInterval(values: readonly number[], seed: number): RawInterval | null {
  const n = values.length;
  if (n < 2) return null;
  const mean = sum(values) / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const sampleVariance = m2 / (n - 1);
  m2 /= n;
  m3 /= n;

  if (n >= BOOTSTRAP_MIN_N && m2 > 0) {
    const g1 = m3 / Math.pow(m2, 1.5);
    const adjusted = (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
    if (Math.abs(adjusted) > SKEW_LIMIT) {
      const [low, high] = bootstrapPercentile(values, mean, seed);
      return { mean, low, high, n };
    }
  }

  const half = (tCritical95(n - 1) * Math.sqrt(sampleVariance)) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half, n };
}

function bootstrapPercentile(values: readonly number[], mean: number, seed: number): [number, number] {
  const n = values.length;
  const random = mulberry32(seed);
  const means = new Float64Array(BOOTSTRAP_RESAMPLES);
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += values[Math.floor(random() * n)] ?? mean;
    }
    means[b] = total / n;
  }
  means.sort();
  return [quantile(means, 0.025), quantile(means, 0.975)];
}

/** Quantile of sorted data, linear between order statistics (Hyndman–Fan type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const below = Math.floor(pos);
  const above = Math.min(below + 1, sorted.length - 1);
  const lo = sorted[below] ?? 0;
  const hi = sorted[above] ?? lo;
  return lo + (pos - below) * (hi - lo);
}

/** A small seeded generator of uniform numbers in [0, 1) (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------
// Per-rotation gains
// ---------------------------------------------------------------------------

export interface SkillGains {
  self: number | null;
  host: number | null;
  pulse: number | null;
}

export interface RotationGains extends SkillGains {
  bySkill: Record<string, SkillGains>;
}

const VIEWPOINTS = ['self', 'host', 'pulse'] as const;
type Viewpoint = (typeof VIEWPOINTS)[number];

const ratingsOf = (r: RotationOutcome, viewpoint: Viewpoint): RatingsBySkill | null =>
  viewpoint === 'self' ? r.final : viewpoint === 'host' ? r.host : r.pulse;

const ratingFor = (ratings: RatingsBySkill, skill: string): number | null => {
  if (!Object.prototype.hasOwnProperty.call(ratings, skill)) return null;
  const v = ratings[skill];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * One rotation's gain per viewpoint: the mean over the skills rated both at
 * kickoff and by that viewpoint of (rating − kickoff rating). The PM's final
 * self-rating is `self`, the host's assessment `host`, the line manager's
 * pulse `pulse`. Null when the kickoff or the viewpoint is missing, or they
 * share no skill of `skills`.
 */
export function rotationGains(r: RotationOutcome, skills: string[]): RotationGains {
  const unique = [...new Set(skills)];
  const bySkill: Record<string, SkillGains> = {};
  for (const skill of unique) bySkill[skill] = { self: null, host: null, pulse: null };

  const overall: SkillGains = { self: null, host: null, pulse: null };
  const kickoff = r.kickoff;
  if (!kickoff) return { ...overall, bySkill };

  for (const viewpoint of VIEWPOINTS) {
    const ratings = ratingsOf(r, viewpoint);
    if (!ratings) continue;
    const diffs: number[] = [];
    for (const skill of unique) {
      const before = ratingFor(kickoff, skill);
      const after = ratingFor(ratings, skill);
      if (before === null || after === null) continue;
      const gain = after - before;
      diffs.push(gain);
      const entry = bySkill[skill];
      if (entry) entry[viewpoint] = gain;
    }
    overall[viewpoint] = diffs.length > 0 ? sum(diffs) / diffs.length : null;
  }
  return { ...overall, bySkill };
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

/** Complete rotations (all three viewpoints) a length needs before it can be compared. */
const MIN_COMPLETE = 8;
/** How many lengths a "not enough data" reason names at most. */
const REASON_LENGTHS = 3;

interface DurationGroup {
  durationWeeks: number;
  rotations: RotationOutcome[];
  gains: RotationGains[];
  /** Mean of the three viewpoint gains, for rotations that have all three. */
  combined: number[];
}

/**
 * The outcomes report: per rotation length (finished rotations only) the mean
 * gains with 95% intervals per viewpoint and per skill, the pulse's "would send
 * again" share and the share of goals met; and a recommended length when one
 * stands clearly above the others, or the reason there is none yet.
 */
export function summariseOutcomes(rotations: RotationOutcome[], skills: string[]): OutcomesReport {
  const finished = rotations.filter((r) => r.finished);
  const groups = groupByDuration(finished, skills);
  const byDuration = groups.map((g) => describeDuration(g, skills));
  const { recommendation, reason } = recommend(groups, finished.length);

  const report: OutcomesReport = {
    skills: [...skills],
    finishedRotations: finished.length,
    runningRotations: rotations.length - finished.length,
    byDuration,
    recommendation,
    method: OUTCOME_METHOD,
  };
  if (recommendation === null) report.reason = reason;
  return report;
}

function groupByDuration(finished: RotationOutcome[], skills: string[]): DurationGroup[] {
  const groups = new Map<number, DurationGroup>();
  for (const r of finished) {
    let group = groups.get(r.durationWeeks);
    if (!group) {
      group = { durationWeeks: r.durationWeeks, rotations: [], gains: [], combined: [] };
      groups.set(r.durationWeeks, group);
    }
    const gains = rotationGains(r, skills);
    group.rotations.push(r);
    group.gains.push(gains);
    if (gains.self !== null && gains.host !== null && gains.pulse !== null) {
      group.combined.push((gains.self + gains.host + gains.pulse) / 3);
    }
  }
  return [...groups.values()].sort((a, b) => a.durationWeeks - b.durationWeeks);
}

function describeDuration(group: DurationGroup, skills: string[]): DurationOutcome {
  const present = (viewpoint: Viewpoint): number[] =>
    group.gains.map((g) => g[viewpoint]).filter((v): v is number => v !== null);
  const self = present('self');
  const host = present('host');
  const pulse = present('pulse');

  const bySkill: Record<string, ViewpointGains> = {};
  for (const skill of skills) {
    const ofSkill = (viewpoint: Viewpoint): number[] =>
      group.gains.map((g) => g.bySkill[skill]?.[viewpoint] ?? null).filter((v): v is number => v !== null);
    bySkill[skill] = {
      self: meanInterval(ofSkill('self')),
      host: meanInterval(ofSkill('host')),
      pulse: meanInterval(ofSkill('pulse')),
    };
  }

  const answers = group.rotations.map((r) => r.wouldSendAgain).filter((v): v is boolean => v !== null);
  const goals: GoalOutcome[] = group.rotations.flatMap((r) => r.goalOutcomes ?? []);

  return {
    durationWeeks: group.durationWeeks,
    rotations: group.rotations.length,
    withSelf: self.length,
    withHost: host.length,
    withPulse: pulse.length,
    self: meanInterval(self),
    host: meanInterval(host),
    pulse: meanInterval(pulse),
    wouldSendAgain: share(answers.filter((yes) => yes).length, answers.length),
    bySkill,
    goalsMet: share(goals.filter((g) => g.result === 'met').length, goals.length),
  };
}

interface Candidate {
  durationWeeks: number;
  /** As the API reports it (2 decimals); the comparison uses these. */
  interval: MeanInterval;
  /** Unrounded, so the one-decimal text is not rounded twice. */
  raw: RawInterval;
}

function recommend(
  groups: DurationGroup[],
  finishedCount: number,
): { recommendation: OutcomeRecommendation | null; reason: string } {
  const requirement = `a recommendation needs at least two lengths with ${MIN_COMPLETE} finished rotations that have all three viewpoints`;
  if (finishedCount === 0) {
    return { recommendation: null, reason: `No rotation has finished yet: ${requirement}.` };
  }

  const eligible = groups.filter((g) => g.combined.length >= MIN_COMPLETE);
  if (eligible.length < 2) {
    const best = [...groups]
      .sort((a, b) => b.combined.length - a.combined.length || a.durationWeeks - b.durationWeeks)
      .slice(0, REASON_LENGTHS)
      .map((g) =>
        g.combined.length >= MIN_COMPLETE
          ? `${weeks(g.durationWeeks)} has ${g.combined.length} (enough)`
          : `${weeks(g.durationWeeks)} has ${g.combined.length} of ${MIN_COMPLETE}`,
      );
    return { recommendation: null, reason: `${capitalise(requirement)}; so far ${listOf(best)}.` };
  }

  const candidates: Candidate[] = [];
  for (const g of eligible) {
    const raw = rawMeanInterval(g.combined, DEFAULT_BOOTSTRAP_SEED);
    if (raw) candidates.push({ durationWeeks: g.durationWeeks, interval: rounded(raw), raw });
  }
  candidates.sort((a, b) => b.interval.mean - a.interval.mean || a.durationWeeks - b.durationWeeks);
  const [best, ...others] = candidates;
  if (!best) return { recommendation: null, reason: `${capitalise(requirement)}.` };

  const overlapping = others.filter((o) => !(best.interval.ci95[0] > o.interval.ci95[1]));
  if (overlapping.length > 0) {
    const described = overlapping.map((o) => `${weeks(o.durationWeeks)} (${signed(o.raw.mean)}, ${range(o.raw)})`);
    return {
      recommendation: null,
      reason:
        `No length stands clearly above the others yet: ${weeks(best.durationWeeks)} ` +
        `(${signed(best.raw.mean)}, 95% CI ${range(best.raw)}) overlaps ${listOf(described)}. ` +
        'More finished rotations will narrow the intervals.',
    };
  }

  const against = others.map((o) => `${signed(o.raw.mean)} for ${weeks(o.durationWeeks)}`);
  const statement =
    `${weekAdjective(best.durationWeeks)} rotations show the largest gain: ${signed(best.raw.mean)} ` +
    `(95% CI ${range(best.raw)}, ${best.raw.n} rotations), against ${listOf(against)}.`;
  const counts = candidates.map((c) => `${c.raw.n} at ${weeks(c.durationWeeks)}`);
  const basis =
    "Mean change over the PM's kickoff self-rating, averaged over the self-rating, the host's assessment " +
    `and the line manager's pulse; only finished rotations with all three viewpoints (${counts.join(', ')}); ` +
    '95% intervals.';
  return { recommendation: { durationWeeks: best.durationWeeks, statement, basis }, reason: '' };
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Rounds half away from zero, robust to binary representation (1.005 → 1.01), never -0. */
function round(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const r = (Math.sign(x) * Math.round(scaled)) / factor;
  return r === 0 ? 0 : r;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 2) : null;
}

/** One decimal with an explicit sign: +1.3, -0.2, 0.0. */
function signed(x: number): string {
  const r = round(x, 1);
  return r > 0 ? `+${r.toFixed(1)}` : r.toFixed(1);
}

function oneDecimal(x: number): string {
  return round(x, 1).toFixed(1);
}

/** "0.9–1.7"; "-0.3 to 0.5" when a bound is negative, so the dash is not read as a minus. */
function range({ low, high }: RawInterval): string {
  const a = oneDecimal(low);
  const b = oneDecimal(high);
  return a.startsWith('-') || b.startsWith('-') ? `${a} to ${b}` : `${a}–${b}`;
}

const weeks = (n: number): string => `${n} ${n === 1 ? 'week' : 'weeks'}`;
const weekAdjective = (n: number): string => `${n}-week`;

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
