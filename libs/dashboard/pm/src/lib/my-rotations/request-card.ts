import type { Approval, Placement, RotationRequest } from '@stint/contracts';
import { REQUEST_STATUS_LABEL } from '../shared/rotations';
import { formatInstant } from '../util/date-format';

const ROLE: Record<Approval['step'], string> = { manager: 'line manager', host: 'host manager' };

/**
 * One decision of the approval trail, for the PM: "Released by Maria Keller (line manager), Mon 4 Jan 2027,
 * 10:00". The name is the API's `byName`; without it, the role alone ("Your line manager").
 */
export function approvalLine(approval: Approval, timeZone: string): string {
  const verb = approval.decision === 'rejected' ? 'Rejected' : approval.step === 'manager' ? 'Released' : 'Approved';
  const who = approval.byName ? `${approval.byName} (${ROLE[approval.step]})` : `your ${ROLE[approval.step]}`;
  return `${verb} by ${who}, ${formatInstant(approval.at, timeZone)}`;
}

/** How a request's card names its state: `status` drives its colour. */
export interface RequestState {
  status: RotationRequest['status'] | 'cancelled';
  label: string;
}

/** The ids of the placements among these that were cancelled. */
export function cancelledIds(placements: readonly Pick<Placement, 'id' | 'status'>[]): Set<string> {
  return new Set(placements.filter((p) => p.status === 'cancelled').map((p) => p.id));
}

/**
 * A request's state on its card. A booked request keeps `booked` in the API when its placement is cancelled
 * afterwards; the card then says so, as the placement's own card does, instead of "Booked".
 */
export function requestState(request: RotationRequest, cancelled: ReadonlySet<string>): RequestState {
  if (request.status === 'booked' && request.placementId && cancelled.has(request.placementId)) {
    return { status: 'cancelled', label: 'Booked, then cancelled' };
  }
  return { status: request.status, label: REQUEST_STATUS_LABEL[request.status] };
}
