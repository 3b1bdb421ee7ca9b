import type { Blackout } from './programme';
import type { PlacementStatus, RequestStatus } from './rotations';

/** The longest window one timeline call may span: 53 weeks. */
export const TIMELINE_MAX_DAYS = 371;
/** The most placements (and, separately, pending requests) one timeline call returns; `truncated` says when more touch the window. */
export const TIMELINE_MAX_ITEMS = 2000;

/** A booked placement as the timeline draws it: a bar. */
export interface TimelinePlacement {
  id: string;
  requestId: string;
  pmId: string;
  pmName: string;
  teamId: string;
  teamName: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  status: PlacementStatus;
}

/** A request not yet booked (waiting for a decision, or a held waitlist offer): an outlined "ghost" bar. */
export interface TimelineRequest {
  id: string;
  pmId: string;
  pmName: string;
  teamId: string;
  teamName: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  status: Extract<RequestStatus, 'pending_manager' | 'pending_host' | 'offered'>;
}

/** `GET /api/timeline`: everything the timeline draws for one window, in one answer. */
export interface TimelineWindow {
  from: string;
  to: string;
  placements: TimelinePlacement[];
  pendingRequests: TimelineRequest[];
  blackouts: Blackout[];
  /** True when more than TIMELINE_MAX_ITEMS placements or pending requests touch the window (narrow it, or pick a team). */
  truncated: boolean;
}
