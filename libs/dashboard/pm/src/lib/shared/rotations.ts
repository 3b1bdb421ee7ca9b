import type {
  CheckInKind,
  CheckInStatus,
  PlacementListItem,
  PlacementStatus,
  RequestStatus,
  RotationRequest,
} from '@stint/contracts';
import { rangesOverlap } from '@stint/shared-dates';

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  pending_manager: 'Waiting for line manager',
  pending_host: 'Waiting for host team',
  waitlisted: 'On waitlist',
  offered: 'Offer out',
  booked: 'Booked',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  lapsed: 'Lapsed',
};

export const PLACEMENT_STATUS_LABEL: Record<PlacementStatus, string> = {
  scheduled: 'Scheduled',
  active: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const CHECK_IN_KIND_LABEL: Record<CheckInKind, string> = {
  kickoff: 'Kick-off',
  weekly: 'Weekly check-in',
  midpoint: 'Midpoint',
  final: 'Final retrospective',
  follow_up: '30-day follow-up',
  pulse: 'Pulse after return',
};

export const CHECK_IN_STATUS_LABEL: Record<CheckInStatus, string> = {
  upcoming: 'Upcoming',
  overdue: 'Overdue',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const APPROVAL_STEP_LABEL = { manager: 'Line manager', host: 'Host team manager' } as const;

export function isPending(request: Pick<RotationRequest, 'status'>): boolean {
  return request.status === 'pending_manager' || request.status === 'pending_host';
}

/** What the PM may still withdraw from My rotations: a pending request, or one waiting in a team's line. */
export function canWithdraw(request: Pick<RotationRequest, 'status'>): boolean {
  return isPending(request) || request.status === 'waitlisted';
}

/** Whether a request takes the PM's days, as the API's PM_OVERLAP rule counts it: pending, or holding an offer. */
function holdsDays(request: Pick<RotationRequest, 'status'>): boolean {
  return isPending(request) || request.status === 'offered';
}

/** Something on the PM's calendar: a pending (or offered) request or a placement that still holds its days. */
export interface BusyRange {
  kind: 'request' | 'placement';
  id: string;
  teamId: string;
  startDate: string;
  endDate: string;
  status: RequestStatus | PlacementStatus;
}

/**
 * What blocks new dates for a PM (the PM_OVERLAP rule): pending requests, a
 * place held for them (an offer), and placements that are not cancelled. A
 * booked request is represented by its placement, so it is not listed twice;
 * a waitlisted request holds no days until it is offered one.
 */
export function busyRanges(requests: RotationRequest[], placements: PlacementListItem[]): BusyRange[] {
  const pending = requests.filter(holdsDays).map(
    (r): BusyRange => ({
      kind: 'request',
      id: r.id,
      teamId: r.teamId,
      startDate: r.startDate,
      endDate: r.endDate,
      status: r.status,
    }),
  );
  const booked = placements
    .filter((p) => p.status !== 'cancelled')
    .map(
      (p): BusyRange => ({
        kind: 'placement',
        id: p.id,
        teamId: p.teamId,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
      }),
    );
  return [...pending, ...booked].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** The ranges a planned stint would share a day with; `ignoreId` leaves out the request being edited. */
export function overlapping(ranges: BusyRange[], startDate: string, endDate: string, ignoreId?: string): BusyRange[] {
  return ranges.filter((r) => r.id !== ignoreId && rangesOverlap(r.startDate, r.endDate, startDate, endDate));
}
