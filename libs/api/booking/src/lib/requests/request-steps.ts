import { ApiError, AuthenticatedUser, Parties } from '@stint/api-core';
import type { RequestStatus } from '@stint/contracts';

export type ApprovalStep = 'manager' | 'host';

export const PENDING_STATUSES: readonly RequestStatus[] = ['pending_manager', 'pending_host'];

/** What a PM may still withdraw: a request waiting for a decision, in the waitlist's line, or holding an offer. */
export const WITHDRAWABLE_STATUSES: readonly RequestStatus[] = [...PENDING_STATUSES, 'waitlisted', 'offered'];

/** The PM's own actions on their request (edit, withdraw) need it to be theirs and still pending. */
export function assertOwnPending(
  caller: AuthenticatedUser,
  request: { pmId: string; status: RequestStatus },
  verb: { action: string; done: string },
  allowed: readonly RequestStatus[] = PENDING_STATUSES,
): void {
  if (request.pmId !== caller.id)
    throw ApiError.forbidden(`Only the PM who asked for this rotation may ${verb.action} it.`);
  if (!allowed.includes(request.status)) {
    const which = allowed === PENDING_STATUSES ? 'pending requests' : 'pending, waitlisted or offered requests';
    throw ApiError.invalidState(`This request is ${request.status}; only ${which} can be ${verb.done}.`, {
      status: request.status,
    });
  }
}

/**
 * Which step the caller decides, or why they may not. A decision names its
 * step (`manager` releases, `host` agrees to host); a step that is not the
 * current one is 409, so a repeated click never decides a second step. A
 * caller who holds both keys (an admin, or a manager who is both the PM's
 * line manager and the host) must name `host` to approve the host step (a
 * rejection ends the request, so it cannot take a second step anyway).
 */
export function decisionStep(
  caller: AuthenticatedUser,
  status: RequestStatus,
  parties: Parties,
  requested?: ApprovalStep,
  approving = true,
): ApprovalStep {
  // A waitlisted request may still be turned down by its host (taken out of the line); it is approved only by an offer.
  const current: ApprovalStep | null =
    status === 'pending_manager'
      ? 'manager'
      : status === 'pending_host' || (status === 'waitlisted' && !approving)
        ? 'host'
        : null;
  if (!current) {
    const message =
      status === 'waitlisted'
        ? 'This request is on the waitlist: it is offered the next place that frees up for its dates, and books when the PM accepts.'
        : status === 'offered'
          ? 'A place is held for this request; it books when the PM accepts the offer.'
          : `This request is ${status}; there is nothing to decide.`;
    throw ApiError.invalidState(message, { status });
  }
  const mayRelease = caller.role === 'admin' || parties.lineManagerId === caller.id;
  const mayHost = caller.role === 'admin' || parties.hostManagerId === caller.id;
  const holdsRequested = requested === 'manager' ? mayRelease : requested === 'host' ? mayHost : false;
  // A repeat of a step the caller holds (a double click) is a conflict with the request's state, not a permission problem.
  // Without a step, a line manager who already released it and now repeats the click is told so, not refused.
  if (!requested && approving && current === 'host' && mayRelease && !mayHost) {
    throw ApiError.invalidState("This request is already released; it waits for the host team's manager to agree.", {
      status,
    });
  }
  if (!(requested && requested !== current && holdsRequested)) {
    if (current === 'manager' && !mayRelease)
      throw ApiError.forbidden("This request waits for the PM's line manager to release them.");
    if (current === 'host' && !mayHost)
      throw ApiError.forbidden("This request waits for the host team's manager to agree.");
  }
  if (requested && requested !== current) {
    throw ApiError.invalidState(
      requested === 'manager'
        ? 'This request has already been released (it waits for the host); the manager step cannot be taken again.'
        : "This request still waits for the line manager's release; the host step comes after it.",
      { status, step: current },
    );
  }
  if (approving && !requested && current === 'host' && mayRelease && mayHost) {
    throw ApiError.invalidState(
      'You hold both keys and this request has already been released. To agree to host as well, send step "host".',
      { status, step: current },
    );
  }
  return current;
}
