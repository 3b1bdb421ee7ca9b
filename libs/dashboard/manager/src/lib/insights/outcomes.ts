import type { DurationOutcome, MeanInterval, OutcomesReport } from '@stint/contracts';
import { formatChange, plural } from '../shared/labels';

/*
 * The outcomes report in the words and shapes the Insights screen shows: the headline answer, the three
 * viewpoints with their intervals on one shared scale, and the counts behind them.
 */

export const VIEWPOINTS = ['self', 'host', 'pulse'] as const;
export type Viewpoint = (typeof VIEWPOINTS)[number];

export interface ViewpointInfo {
  label: string;
  /** Who rates, and when. */
  description: string;
  /** One colour per viewpoint wherever it is drawn. */
  colour: string;
}

export const VIEWPOINT: Record<Viewpoint, ViewpointInfo> = {
  self: { label: 'Self', description: 'the PM’s own rating at the final check-in', colour: '#0b57d0' },
  host: { label: 'Host', description: 'the host manager’s assessment at the final check-in', colour: '#a1470d' },
  pulse: { label: 'Pulse', description: 'the line manager’s pulse after return', colour: '#7b2fa8' },
};

/** How many finished rotations of this length carry the viewpoint's rating. */
export function withViewpoint(d: DurationOutcome, viewpoint: Viewpoint): number {
  return { self: d.withSelf, host: d.withHost, pulse: d.withPulse }[viewpoint];
}

export interface Headline {
  statement: string;
  basis: string | null;
}

/** The answer first: the recommendation and what it rests on, or why there is none yet. */
export function headline(report: OutcomesReport): Headline {
  if (report.recommendation) return { statement: report.recommendation.statement, basis: report.recommendation.basis };
  const reason = (report.reason ?? '').trim() || 'the report names no reason.';
  // "No rotation has finished…" and "A recommendation needs…" read on after the colon in lower case;
  // "EMEA …" keeps its capitals.
  const first = reason.split(/\s/)[0] ?? '';
  const lowered = /^[A-Z][a-z]*$/.test(first) ? reason.charAt(0).toLowerCase() + reason.slice(1) : reason;
  return { statement: `Not enough evidence yet: ${lowered}`, basis: null };
}

/** "3 rotations still running are not counted." */
export function runningNote(running: number): string | null {
  if (running <= 0) return null;
  return `${plural(running, 'rotation')} still running ${running === 1 ? 'is' : 'are'} not counted.`;
}

/** "+1.2 (95% CI +0.8 to +1.6)". */
export function formatGain(value: MeanInterval): string {
  return `${formatChange(value.mean)} (95% CI ${formatChange(value.ci95[0])} to ${formatChange(value.ci95[1])})`;
}

/** What a missing interval means, with the sample it would rest on when known. */
export function missingGain(count: number | null): string {
  if (count === null) return 'too few ratings for an interval';
  if (count === 0) return 'no ratings yet · n = 0';
  return `too few for an interval · n = ${count}`;
}

/** "60%", or "—" when there is nothing to share. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export interface GainScale {
  min: number;
  max: number;
  ticks: number[];
}

/** A gain on the 1–5 scale lies between −4 and +4; wider intervals (tiny samples) run off the axis. */
export const MAX_GAIN = 4;

/** One axis for every interval shown, from half-point steps around them, always through 0, within ±4. */
export function gainScale(values: ReadonlyArray<MeanInterval | null>): GainScale {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!v) continue;
    lo = Math.min(lo, v.mean, v.ci95[0]);
    hi = Math.max(hi, v.mean, v.ci95[1]);
  }
  let min = Math.floor(lo * 2) / 2;
  let max = Math.ceil(hi * 2) / 2;
  // Room beyond an interval that ends on a step, so its whisker cap is not drawn on the frame.
  if (hi > 0 && max - hi < 0.15) max += 0.5;
  if (lo < 0 && lo - min < 0.15) min -= 0.5;
  min = Math.max(min, -MAX_GAIN);
  max = Math.min(max, MAX_GAIN);
  if (max - min < 1) {
    if (min < 0 && max <= 0) min = max - 1;
    else max = min + 1;
  }
  const step = max - min > 4 ? 1 : 0.5;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 10) / 10);
  return { min, max, ticks };
}

/** Where a value sits on the scale, in percent of its width (clamped). */
export function position(value: number, scale: GainScale): number {
  const at = ((value - scale.min) / (scale.max - scale.min)) * 100;
  return Math.min(100, Math.max(0, Math.round(at * 10) / 10));
}

/** Every interval in the report's lengths (all viewpoints), for the shared scale. */
export function durationIntervals(report: OutcomesReport): Array<MeanInterval | null> {
  return report.byDuration.flatMap((d) => VIEWPOINTS.map((v) => d[v]));
}

/** Every interval of the skill breakdown across lengths, so switching length keeps the scale. */
export function skillIntervals(report: OutcomesReport): Array<MeanInterval | null> {
  return report.byDuration.flatMap((d) => Object.values(d.bySkill).flatMap((gains) => VIEWPOINTS.map((v) => gains[v])));
}

/** The length the skill breakdown opens on: the recommended one, else the one with most finished rotations. */
export function defaultBreakdownWeeks(report: OutcomesReport): number | null {
  const recommended = report.recommendation?.durationWeeks;
  if (recommended !== undefined && report.byDuration.some((d) => d.durationWeeks === recommended)) return recommended;
  const [first, ...rest] = report.byDuration;
  if (!first) return null;
  return rest.reduce((best, d) => (d.rotations > best.rotations ? d : best), first).durationWeeks;
}

/** The distinct regions of the teams, sorted, for the region filter. */
export function regionsOf(teams: ReadonlyArray<{ region: string }>): string[] {
  return [...new Set(teams.map((t) => t.region.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** `negotiation` → `Negotiation`, `customer empathy` → `Customer empathy`. */
export function skillLabel(skill: string): string {
  return skill.charAt(0).toUpperCase() + skill.slice(1);
}
