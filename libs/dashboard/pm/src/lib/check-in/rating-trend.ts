import type { CheckIn, CheckInKind, SkillRatings } from '@stint/contracts';

export const SKILLS = ['negotiation', 'closing', 'persistence'] as const;
export type Skill = (typeof SKILLS)[number];

export const SKILL_LABEL: Record<Skill, string> = {
  negotiation: 'Negotiation',
  closing: 'Closing',
  persistence: 'Persistence',
};

export interface TrendPoint extends SkillRatings {
  checkInId: string;
  kind: CheckInKind;
  scheduledAt: string;
}

export interface RatingTrend {
  points: TrendPoint[];
  /** Last − first rating per skill; null until there are two completed check-ins. */
  change: Record<Skill, number> | null;
}

/**
 * The PM's self-ratings over their completed check-ins, in the order the check-ins were scheduled. A pulse is
 * the line manager's rating, not the PM's, so it is left out.
 */
export function ratingTrend(checkIns: CheckIn[]): RatingTrend {
  const completed = new Map<string, CheckIn & { ratings: SkillRatings }>();
  for (const c of checkIns) {
    if (c.status === 'completed' && c.ratings !== null && c.kind !== 'pulse' && !completed.has(c.id))
      completed.set(c.id, { ...c, ratings: c.ratings });
  }
  const points = [...completed.values()]
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.id.localeCompare(b.id))
    .map((c): TrendPoint => ({ checkInId: c.id, kind: c.kind, scheduledAt: c.scheduledAt, ...pick(c.ratings) }));
  const first = points[0];
  const last = points[points.length - 1];
  const change =
    first && last && points.length > 1
      ? {
          negotiation: last.negotiation - first.negotiation,
          closing: last.closing - first.closing,
          persistence: last.persistence - first.persistence,
        }
      : null;
  return { points, change };
}

function pick(r: SkillRatings): SkillRatings {
  return { negotiation: r.negotiation, closing: r.closing, persistence: r.persistence };
}

/** `+2`, `0`, `−1`: the sign always shown, so a change reads as a change. */
export function formatChange(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return '0';
}

export interface ChartGeometry {
  width: number;
  height: number;
  padding: number;
}

/** SVG polyline points for ratings 1–5 spread evenly across the chart. */
export function linePoints(values: number[], g: ChartGeometry): string {
  if (!values.length) return '';
  const innerW = g.width - 2 * g.padding;
  const innerH = g.height - 2 * g.padding;
  const step = values.length > 1 ? innerW / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = g.padding + (values.length > 1 ? i * step : innerW / 2);
      const y = g.padding + innerH - ((Math.min(5, Math.max(1, v)) - 1) / 4) * innerH;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
