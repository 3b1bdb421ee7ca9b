import type { CheckIn, Placement, SkillRatings, Team } from '@stint/contracts';
import type { Skill } from '../shared/labels';

export interface SkillChange {
  placementId: string;
  teamId: string;
  durationWeeks: number;
  first: SkillRatings;
  last: SkillRatings;
  change: SkillRatings;
  /** Mean of the three skills' change. */
  mean: number;
}

function completedWithRatings(checkIns: readonly CheckIn[]): Array<CheckIn & { ratings: SkillRatings }> {
  return checkIns
    .filter((c): c is CheckIn & { ratings: SkillRatings } => c.status === 'completed' && c.ratings !== null)
    .sort((a, b) => (a.completedAt ?? a.scheduledAt).localeCompare(b.completedAt ?? b.scheduledAt));
}

/**
 * Last minus first completed self-rating, per skill, as the API's overview
 * counts it: only placements with at least two completed check-ins.
 */
export function skillChange(placement: Placement): SkillChange | null {
  const rated = completedWithRatings(placement.checkIns);
  if (rated.length < 2) return null;
  const first = (rated[0] as CheckIn & { ratings: SkillRatings }).ratings;
  const last = (rated[rated.length - 1] as CheckIn & { ratings: SkillRatings }).ratings;
  const change = {
    negotiation: last.negotiation - first.negotiation,
    closing: last.closing - first.closing,
    persistence: last.persistence - first.persistence,
  };
  return {
    placementId: placement.id,
    teamId: placement.teamId,
    durationWeeks: placement.durationWeeks,
    first,
    last,
    change,
    mean: (change.negotiation + change.closing + change.persistence) / 3,
  };
}

export function skillChanges(placements: readonly Placement[]): SkillChange[] {
  return placements.filter((p) => p.status !== 'cancelled').flatMap((p) => skillChange(p) ?? []);
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** How many rotations ran for each length, weeks ascending (cancelled ones left out). */
export function durationHistogram(placements: readonly Placement[]): Array<{ weeks: number; count: number }> {
  const counts = new Map<number, number>();
  for (const p of placements)
    if (p.status !== 'cancelled') counts.set(p.durationWeeks, (counts.get(p.durationWeeks) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([weeks, count]) => ({ weeks, count }));
}

export type SkillMeans = Record<Skill, number | null>;

export function meanChangeBySkill(changes: readonly SkillChange[]): SkillMeans {
  return {
    negotiation: mean(changes.map((c) => c.change.negotiation)),
    closing: mean(changes.map((c) => c.change.closing)),
    persistence: mean(changes.map((c) => c.change.persistence)),
  };
}

export interface TeamInsight extends SkillMeans {
  teamId: string;
  teamName: string;
  /** Rotations in the range (not cancelled). */
  placements: number;
  /** Of which have a first-to-last rating change. */
  rated: number;
  averageWeeks: number | null;
}

/** Per team: how many rotations, how long on average, and the mean change per skill. */
export function insightsByTeam(placements: readonly Placement[], teams: ReadonlyMap<string, Team>): TeamInsight[] {
  const live = placements.filter((p) => p.status !== 'cancelled');
  const teamIds = [...new Set(live.map((p) => p.teamId))];
  return teamIds
    .map((teamId) => {
      const own = live.filter((p) => p.teamId === teamId);
      const changes = skillChanges(own);
      return {
        teamId,
        teamName: teams.get(teamId)?.name ?? `Team ${teamId.slice(0, 8)}`,
        placements: own.length,
        rated: changes.length,
        averageWeeks: mean(own.map((p) => p.durationWeeks)),
        ...meanChangeBySkill(changes),
      };
    })
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}

/** One point per rated rotation: its length against the mean skill change (the "how long?" question). */
export function durationVsChange(
  changes: readonly SkillChange[],
): Array<{ x: number; y: number; placementId: string }> {
  return changes.map((c) => ({ x: c.durationWeeks, y: Math.round(c.mean * 100) / 100, placementId: c.placementId }));
}

/** Mean skill change per rotation length, for the trend over the scatter. */
export function meanChangeByDuration(
  changes: readonly SkillChange[],
): Array<{ weeks: number; mean: number; count: number }> {
  const groups = new Map<number, number[]>();
  for (const c of changes) groups.set(c.durationWeeks, [...(groups.get(c.durationWeeks) ?? []), c.mean]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([weeks, values]) => ({ weeks, mean: mean(values) ?? 0, count: values.length }));
}

export interface CompletionMonth {
  /** `YYYY-MM`. */
  month: string;
  completed: number;
  /** Completed plus overdue: the check-ins that were due. */
  due: number;
  rate: number | null;
}

/**
 * Check-in completion by month of the scheduled date, counted like the API's
 * completion rate: completed ÷ (completed + overdue); upcoming and cancelled
 * ones are not due yet or not at all.
 */
export function completionByMonth(placements: readonly Placement[]): CompletionMonth[] {
  const months = new Map<string, { completed: number; due: number }>();
  for (const p of placements) {
    for (const c of p.checkIns) {
      if (c.status !== 'completed' && c.status !== 'overdue') continue;
      const month = c.scheduledAt.slice(0, 7);
      const entry = months.get(month) ?? { completed: 0, due: 0 };
      entry.due++;
      if (c.status === 'completed') entry.completed++;
      months.set(month, entry);
    }
  }
  return [...months.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, { completed, due }]) => ({ month, completed, due, rate: due ? completed / due : null }));
}
