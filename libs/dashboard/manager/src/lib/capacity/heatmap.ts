import type { Blackout, CapacityWeek, Team } from '@stint/contracts';
import { addDays, type IsoDate } from '@stint/shared-dates';
import { formatDay } from '../shared/date-format';

/** 0 nothing booked · 1 up to a third · 2 up to two thirds · 3 nearly full · 4 full. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export function heatLevel(booked: number, capacity: number): HeatLevel {
  if (booked <= 0) return 0;
  if (capacity <= 0 || booked >= capacity) return 4;
  const ratio = booked / capacity;
  if (ratio <= 1 / 3) return 1;
  if (ratio <= 2 / 3) return 2;
  return 3;
}

/** Background and text per level; every pair keeps at least 4.5:1 contrast. */
export const HEAT_COLORS: Record<HeatLevel, { background: string; text: string; label: string }> = {
  0: { background: '#f1f4f9', text: '#1a1c1e', label: 'free' },
  1: { background: '#d3e4ff', text: '#001c3a', label: 'up to a third booked' },
  2: { background: '#9ecaff', text: '#001c3a', label: 'up to two thirds booked' },
  3: { background: '#1f5fa6', text: '#ffffff', label: 'nearly full' },
  4: { background: '#b3261e', text: '#ffffff', label: 'full' },
};

export type BlackoutCover = 'none' | 'partial' | 'full';

/** How much of the week from `week` (a Monday) the team's or global blackouts cover, and why. */
export function blackoutCover(
  teamId: string,
  week: IsoDate,
  blackouts: readonly Blackout[],
): { cover: BlackoutCover; reasons: string[] } {
  const weekEnd = addDays(week, 6);
  const relevant = blackouts.filter(
    (b) => (b.teamId === null || b.teamId === teamId) && b.startsOn <= weekEnd && b.endsOn >= week,
  );
  if (!relevant.length) return { cover: 'none', reasons: [] };
  let covered = 0;
  for (let i = 0; i < 7; i++) {
    const day = addDays(week, i);
    if (relevant.some((b) => b.startsOn <= day && b.endsOn >= day)) covered++;
  }
  return {
    cover: covered === 7 ? 'full' : 'partial',
    reasons: [...new Set(relevant.map((b) => b.reason).filter(Boolean))],
  };
}

export interface HeatCell {
  teamId: string;
  week: IsoDate;
  booked: number;
  capacity: number;
  level: HeatLevel;
  blackout: BlackoutCover;
  blackoutReasons: string[];
  /** The cell in words, for screen readers and tooltips. */
  label: string;
}

export interface HeatRow {
  teamId: string;
  teamName: string;
  capacity: number;
  cells: HeatCell[];
}

export interface Heatmap {
  weeks: IsoDate[];
  rows: HeatRow[];
}

/** Teams × weeks from `/api/stats/capacity`, in the API's team order, with blackouts marked. */
export function buildHeatmap(
  capacity: readonly CapacityWeek[],
  teams: ReadonlyMap<string, Team>,
  blackouts: readonly Blackout[],
): Heatmap {
  const weeks = [...new Set(capacity.map((c) => c.weekStart))].sort();
  const rows = new Map<string, HeatRow>();
  for (const entry of capacity) {
    let row = rows.get(entry.teamId);
    if (!row) {
      row = {
        teamId: entry.teamId,
        teamName: teams.get(entry.teamId)?.name ?? `Team ${entry.teamId.slice(0, 8)}`,
        capacity: entry.capacity,
        cells: [],
      };
      rows.set(entry.teamId, row);
    }
    const { cover, reasons } = blackoutCover(entry.teamId, entry.weekStart, blackouts);
    const level = heatLevel(entry.booked, entry.capacity);
    const blackoutText =
      cover === 'none'
        ? ''
        : `, ${cover === 'full' ? 'blackout all week' : 'blackout part of the week'}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
    row.cells.push({
      teamId: entry.teamId,
      week: entry.weekStart,
      booked: entry.booked,
      capacity: entry.capacity,
      level,
      blackout: cover,
      blackoutReasons: reasons,
      label: `${row.teamName}, week of ${formatDay(entry.weekStart)}: ${entry.booked} of ${entry.capacity} booked${level === 4 ? ', full' : ''}${blackoutText}`,
    });
  }
  for (const row of rows.values()) row.cells.sort((a, b) => a.week.localeCompare(b.week));
  return { weeks, rows: [...rows.values()] };
}

/** Whether a team's name, region or segment contains the search text (case- and accent-insensitive). */
export function teamMatches(
  team: Pick<Team, 'name' | 'region' | 'segment'> | undefined,
  fallbackName: string,
  search: string,
): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  return [team?.name ?? fallbackName, team?.region ?? '', team?.segment ?? ''].some((text) =>
    fold(text).includes(needle),
  );
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
