import { ApiError, AuthenticatedUser, Parties } from '@stint/api-core';
import type { RequestStatus } from '@stint/contracts';

/**
 * Only the host team's manager (or an admin) proposes other dates, and only
 * while the request waits for them; the proposed start must differ from the
 * request's own.
 */
export function assertCanPropose(
  caller: AuthenticatedUser,
  request: { status: RequestStatus; startDate: string },
  parties: Parties,
  startDate: string,
): void {
  if (caller.role !== 'admin' && parties.hostManagerId !== caller.id)
    throw ApiError.forbidden("Only the host team's manager may propose other dates for this request.");
  if (request.status !== 'pending_host')
    throw ApiError.invalidState(
      `This request is ${request.status}; other dates can be proposed only while it waits for the host to agree.`,
      { status: request.status },
    );
  if (startDate === request.startDate)
    throw ApiError.validation({ startDate: 'startDate must differ from the start the PM asked for' });
}

/** Only the PM answers a proposal, and only while one is open on a request waiting for its host. */
export function assertOpenProposal(
  caller: AuthenticatedUser,
  request: { pmId: string; status: RequestStatus; proposedStartDate: string | null },
  verb: 'accept' | 'decline',
): void {
  if (request.pmId !== caller.id)
    throw ApiError.forbidden(`Only the PM who asked for this rotation may ${verb} the proposed dates.`);
  if (request.status !== 'pending_host' || !request.proposedStartDate)
    throw ApiError.invalidState(
      request.status === 'pending_host'
        ? 'There are no proposed dates to answer on this request (they were already answered, or none were proposed).'
        : `This request is ${request.status}; there are no proposed dates to answer.`,
      { status: request.status, proposal: null },
    );
}
