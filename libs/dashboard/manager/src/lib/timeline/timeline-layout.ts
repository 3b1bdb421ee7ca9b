import type { Blackout, Placement, RequestStatus, RotationRequest, Team } from '@stint/contracts';

/** What a bar needs of a placement: a whole Placement or a row of `GET /api/timeline`. */
export type BarSource = Pick<
  Placement,
  'id' | 'pmId' | 'teamId' | 'startDate' | 'endDate' | 'durationWeeks' | 'status'
>;
/** What a ghost bar needs of a request not yet booked. */
export type GhostSource = Pick<RotationRequest, 'id' | 'pmId' | 'teamId' | 'startDate' | 'endDate' | 'status'>;
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
  placement: BarSource;
  lane: number;
  geometry: BarGeometry;
}

/** Requests not yet booked that the timeline draws as outlined "ghost" bars: waiting for a decision, or a held waitlist offer. */
export const PENDING_STATUSES = [
  'pending_manager',
  'pending_host',
  'offered',
] as const satisfies readonly RequestStatus[];
export type PendingStatus = (typeof PENDING_STATUSES)[number];

export function isPending(status: RequestStatus): status is PendingStatus {
  return (PENDING_STATUSES as readonly RequestStatus[]).includes(status);
}

export interface TimelineGhost {
  request: GhostSource;
  lane: number;
  geometry: BarGeometry;
}

export interface TimelineBand {
  blackout: Blackout;
  geometry: BarGeometry;
}

export interface TimelineGroup {
  teamId: string;
  teamName: string;
  capacity: number;
  /** Most booked (not cancelled) placements on one day in the range. */
  peak: number;
  /** Rows drawn: at least the capacity, more when cancelled or pending bars need room. */
  lanes: number;
  bars: TimelineBar[];
  /** Pending requests, packed into the rows after the booked and cancelled bars. */
  ghosts: TimelineGhost[];
  /** The team's own blackouts and the global ones, across all its rows. */
  bands: TimelineBand[];
}

/** What the timeline draws besides placements. */
export interface TimelineExtras {
  /** Requests; only the pending ones (PENDING_STATUSES) are drawn. */
  requests?: readonly GhostSource[];
  blackouts?: readonly Blackout[];
}

/** Whether a blackout applies to a team: its own, or a global one (no team). */
export function blackoutApplies(blackout: Blackout, teamId: string): boolean {
  return blackout.teamId === null || blackout.teamId === teamId;
}

/** A team's blackout bands in the range, earliest first. */
export function blackoutBands(range: TimelineRange, teamId: string, blackouts: readonly Blackout[]): TimelineBand[] {
  return [...blackouts]
    .filter((b) => blackoutApplies(b, teamId))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn))
    .flatMap((blackout) => {
      const geometry = barGeometry(range, blackout.startsOn, blackout.endsOn);
      return geometry ? [{ blackout, geometry }] : [];
    });
}

function inRange<T extends Dated>(range: TimelineRange, items: readonly T[]): T[] {
  const last = rangeEnd(range);
  return items.filter((item) => item.endDate >= range.from && item.startDate <= last);
}

function byTeam<T extends { teamId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.teamId, [...(map.get(item.teamId) ?? []), item]);
  return map;
}

/**
 * One row group per team: booked placements are packed first so the lanes up
 * to capacity read as places; cancelled ones (when shown) fill in after, then
 * pending requests as ghosts. Blackouts that apply to the team lie across all
 * its rows. Teams come in the given order; `keep` decides which teams without
 * bars or ghosts still get a (empty) group, e.g. the teams the viewer hosts.
 */
export function buildTimeline(
  range: TimelineRange,
  teams: readonly Team[],
  placements: readonly BarSource[],
  keep: (team: Team) => boolean = () => true,
  extras: TimelineExtras = {},
): TimelineGroup[] {
  const last = rangeEnd(range);
  const placementsByTeam = byTeam(inRange(range, placements));
  const pendingByTeam = byTeam(
    inRange(
      range,
      (extras.requests ?? []).filter((r) => isPending(r.status)),
    ),
  );
  const groups: TimelineGroup[] = [];
  for (const team of teams) {
    const own = placementsByTeam.get(team.id) ?? [];
    const pending = pendingByTeam.get(team.id) ?? [];
    if (!own.length && !pending.length && !keep(team)) continue;
    const booked = own.filter((p) => p.status !== 'cancelled');
    const cancelled = own.filter((p) => p.status === 'cancelled');
    const first = packLanes(booked);
    const second = packLanes(cancelled, first.laneEnds);
    const third = packLanes(pending, second.laneEnds);
    const bars = [...first.placed, ...second.placed].flatMap(({ item, lane }) => {
      const geometry = barGeometry(range, item.startDate, item.endDate);
      return geometry ? [{ placement: item, lane, geometry }] : [];
    });
    const ghosts = third.placed.flatMap(({ item, lane }) => {
      const geometry = barGeometry(range, item.startDate, item.endDate);
      return geometry ? [{ request: item, lane, geometry }] : [];
    });
    groups.push({
      teamId: team.id,
      teamName: team.name,
      capacity: team.capacity,
      peak: peakLoad(booked, range.from, last),
      lanes: Math.max(team.capacity, third.laneEnds.length, 1),
      bars,
      ghosts,
      bands: blackoutBands(range, team.id, extras.blackouts ?? []),
    });
  }
  return groups;
}

// ------------------------------------------------------------ moving a bar

/** Pixels a pointer must travel before a press on a bar becomes a drag (below it, a click opens the placement). */
export const DRAG_THRESHOLD_PX = 4;

/**
 * Whole days a horizontal drag of `dx` pixels moves a bar on a track
 * `trackWidth` pixels wide showing `totalDays` days: the nearest whole day,
 * so a bar snaps as it is dragged. 0 when the track has no width.
 */
export function snapDays(dx: number, trackWidth: number, totalDays: number): number {
  if (!(trackWidth > 0) || !(totalDays > 0) || !Number.isFinite(dx)) return 0;
  return Math.round((dx * totalDays) / trackWidth) || 0;
}

/** A placement's dates moved by whole days, its length kept. */
export function shiftDates(item: Dated, days: number): { startDate: IsoDate; endDate: IsoDate } {
  return { startDate: addDays(item.startDate, days), endDate: addDays(item.endDate, days) };
}

/** "1 day later", "2 weeks earlier", "1 week and 3 days later". */
export function describeShift(days: number): string {
  if (days === 0) return 'unchanged';
  const n = Math.abs(days);
  const weeks = Math.floor(n / 7);
  const rest = n % 7;
  const parts = [
    ...(weeks ? [`${weeks} ${weeks === 1 ? 'week' : 'weeks'}`] : []),
    ...(rest ? [`${rest} ${rest === 1 ? 'day' : 'days'}`] : []),
  ];
  return `${parts.join(' and ')} ${days > 0 ? 'later' : 'earlier'}`;
}

/** Vertical layout of a group's rows, in pixels: the track's padding, then one row every LANE_PITCH. */
export const LANE_PITCH = 32;
const TRACK_PADDING = 4;
const LANE_MARGIN = 2;
const BAR_INSET = 2;

/** Where a bar (or ghost) in `lane` sits from the top of its team's track. */
export function laneTop(lane: number): number {
  return TRACK_PADDING + LANE_MARGIN + lane * LANE_PITCH + BAR_INSET;
}
