import { PLACEMENT_STATUSES, type PlacementStatus } from '@stint/contracts';
import { addDays, localDate, weekStart } from '@stint/shared-dates';
import { param, type QuerySpec } from '../shared/query-params';

export const TIMELINE_WEEKS = [4, 8, 12, 26] as const;
export const TEAMS_PER_PAGE = [5, 10, 20] as const;

/** `booked`: everything but cancelled (what uses capacity); `all` includes cancelled. */
export type TimelineStatus = 'booked' | 'all' | PlacementStatus;

export interface TimelineQuery {
  /** First week shown; snapped to its Monday when read. */
  from: string | null;
  weeks: number;
  team: string;
  status: TimelineStatus;
  /** Page of team groups. */
  page: number;
  pageSize: number;
}

/** Two weeks back from this week's Monday, so running rotations show their start. */
export function defaultTimelineStart(today = localDate(new Date())): string {
  return addDays(weekStart(today), -14);
}

export const TIMELINE_QUERY: QuerySpec<TimelineQuery> = {
  from: param.date(() => defaultTimelineStart()),
  weeks: param.choice(TIMELINE_WEEKS, 12),
  team: param.id(),
  status: param.oneOf(['booked', 'all', ...PLACEMENT_STATUSES], 'booked'),
  page: param.int(1, 1, 10_000),
  pageSize: param.choice(TEAMS_PER_PAGE, 10),
};

/** The status filter, applied to the window's placements once loaded: `booked` is every one not cancelled. */
export function matchesStatus(status: TimelineStatus, placement: { status: PlacementStatus }): boolean {
  if (status === 'all') return true;
  if (status === 'booked') return placement.status !== 'cancelled';
  return placement.status === status;
}

/** Pending requests are drawn with booked placements (they would take a place), not when one placement status is picked. */
export function showsPending(status: TimelineStatus): boolean {
  return status === 'booked' || status === 'all';
}
