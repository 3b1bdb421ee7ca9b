import type { Placement, Team } from '@stint/contracts';
import { addDays, diffDays, type IsoDate } from '@stint/shared-dates';
import { formatShort } from '../shared/date-format';

/** A window of whole weeks starting on a Monday. */
export interface TimelineRange {
  from: IsoDate;
  weeks: number;
}

export function rangeEnd(range: TimelineRange): IsoDate {
  return addDays(range.from, range.weeks * 7 - 1);
}

export interface WeekColumn {
  start: IsoDate;
  label: string;
}

export function weekColumns(range: TimelineRange): WeekColumn[] {
  return Array.from({ length: range.weeks }, (_, i) => {
    const start = addDays(range.from, i * 7);
    return { start, label: formatShort(start) };
  });
}

export interface BarGeometry {
  /** Percent of the range's width. */
  leftPct: number;
  widthPct: number;
  /** The bar runs on before or after the range. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Where an inclusive date range sits on the timeline: a day is 1/(7·weeks)
 * of the width, a bar covers its first day's start to its last day's end.
 * Null when it lies wholly outside the range.
 */
export function barGeometry(range: TimelineRange, start: IsoDate, end: IsoDate): BarGeometry | null {
  const totalDays = range.weeks * 7;
  const last = rangeEnd(range);
  if (end < range.from || start > last || end < start) return null;
  const first = Math.max(0, diffDays(range.from, start));
  const afterLast = Math.min(totalDays, diffDays(range.from, end) + 1);
  return {
    leftPct: (first / totalDays) * 100,
    widthPct: ((afterLast - first) / totalDays) * 100,
    clippedStart: start < range.from,
    clippedEnd: end > last,
  };
}

/** Where today's marker goes, or null outside the range. */
export function todayPct(range: TimelineRange, today: IsoDate): number | null {
  const offset = diffDays(range.from, today);
  if (offset < 0 || offset >= range.weeks * 7) return null;
  return ((offset + 0.5) / (range.weeks * 7)) * 100;
}

interface Dated {
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * First-fit lane packing: items sorted by start go into the first lane whose
 * last item ended before they start. `lanes` seeds the lanes' end dates, so a
 * second batch can pack around the first.
 */
export function packLanes<T extends Dated>(
  items: readonly T[],
  lanes: IsoDate[] = [],
): { placed: Array<{ item: T; lane: number }>; laneEnds: IsoDate[] } {
  const laneEnds = [...lanes];
  const sorted = [...items].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate),
  );
  const placed = sorted.map((item) => {
    let lane = laneEnds.findIndex((end) => end < item.startDate);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.endDate);
    } else {
      laneEnds[lane] = item.endDate;
    }
    return { item, lane };
  });
  return { placed, laneEnds };
}

/** Most items covering one day between `from` and `to`. */
export function peakLoad(items: readonly Dated[], from: IsoDate, to: IsoDate): number {
  const days = diffDays(from, to) + 1;
  if (days <= 0) return 0;
  const delta = new Array<number>(days + 1).fill(0);
  for (const item of items) {
    if (item.endDate < from || item.startDate > to) continue;
    const start = Math.max(0, diffDays(from, item.startDate));
    const end = Math.min(days - 1, diffDays(from, item.endDate));
    delta[start] = (delta[start] ?? 0) + 1;
    delta[end + 1] = (delta[end + 1] ?? 0) - 1;
  }
  let running = 0;
  let peak = 0;
  for (let i = 0; i < days; i++) {
    running += delta[i] ?? 0;
    peak = Math.max(peak, running);
  }
  return peak;
}

export interface TimelineBar {
  placement: Placement;
  lane: number;
  geometry: BarGeometry;
}

export interface TimelineGroup {
  teamId: string;
  teamName: string;
  capacity: number;
  /** Most booked (not cancelled) placements on one day in the range. */
  peak: number;
  /** Rows drawn: at least the capacity, more when cancelled bars need room. */
  lanes: number;
  bars: TimelineBar[];
}

/**
 * One row group per team: booked placements are packed first so the lanes up
 * to capacity read as places; cancelled ones (when shown) fill in after.
 * Teams come in the given order; `keep` decides which teams without bars
 * still get a (empty) group, e.g. the teams the viewer hosts.
 */
export function buildTimeline(
  range: TimelineRange,
  teams: readonly Team[],
  placements: readonly Placement[],
  keep: (team: Team) => boolean = () => true,
): TimelineGroup[] {
  const last = rangeEnd(range);
  const byTeam = new Map<string, Placement[]>();
  for (const p of placements) {
    if (p.endDate < range.from || p.startDate > last) continue;
    byTeam.set(p.teamId, [...(byTeam.get(p.teamId) ?? []), p]);
  }
  const groups: TimelineGroup[] = [];
  for (const team of teams) {
    const own = byTeam.get(team.id) ?? [];
    if (!own.length && !keep(team)) continue;
    const booked = own.filter((p) => p.status !== 'cancelled');
    const cancelled = own.filter((p) => p.status === 'cancelled');
    const first = packLanes(booked);
    const second = packLanes(cancelled, first.laneEnds);
    const bars = [...first.placed, ...second.placed].flatMap(({ item, lane }) => {
      const geometry = barGeometry(range, item.startDate, item.endDate);
      return geometry ? [{ placement: item, lane, geometry }] : [];
    });
    groups.push({
      teamId: team.id,
      teamName: team.name,
      capacity: team.capacity,
      peak: peakLoad(booked, range.from, last),
      lanes: Math.max(team.capacity, second.laneEnds.length, 1),
      bars,
    });
  }
  return groups;
}
