import type { RequestProposal } from '@stint/contracts';
import { endDateFor } from '@stint/shared-dates';

/** The columns of a request that hold its host's counter-proposal. */
export interface ProposalColumns {
  status: string;
  durationWeeks: number;
  proposedStartDate: string | null;
  proposedBy: string | null;
  proposedAt: Date | null;
}

/** Assigned to a request to close its counter-proposal (accepted, declined, or the request moved on). */
export const NO_PROPOSAL = { proposedStartDate: null, proposedBy: null, proposedAt: null } as const;

/** The open counter-proposal as the API answers it; only a request still waiting for its host has one. */
export function proposalView(request: ProposalColumns, names: ReadonlyMap<string, string>): RequestProposal | null {
  const { proposedStartDate: startDate, proposedAt, proposedBy } = request;
  if (request.status !== 'pending_host' || !startDate || !proposedAt) return null;
  return {
    startDate,
    endDate: endDateFor(startDate, request.durationWeeks),
    proposedBy,
    proposedByName: (proposedBy && names.get(proposedBy)) || '',
    proposedAt: proposedAt.toISOString(),
  };
}
