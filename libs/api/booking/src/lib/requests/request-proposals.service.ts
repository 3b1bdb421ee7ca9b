import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  AuthenticatedUser,
  Clock,
  ProposalFacts,
  REQUEST_NOTICES,
  RequestNotices,
  TransactionRunner,
} from '@stint/api-core';
import type { RotationRequest } from '@stint/contracts';
import { endDateFor } from '@stint/shared-dates';
import { EntityManager } from 'typeorm';
import { recordRequest, requestSnapshot } from '../audit-snapshots';
import { RotationRequestEntity } from '../rotation-request.entity';
import { BookingRules, BookingTarget } from '../rules/booking-rules.service';
import { overlapAsRuleError } from '../rules/rule-errors';
import { NO_PROPOSAL } from './proposal';
import { assertCanPropose, assertOpenProposal } from './proposal-steps';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

const PENDING_OVERLAP = 'rotation_requests_no_pending_overlap';
const FULL_NEXT = 'Choose one of the free starts below instead.';

/**
 * Counter-proposals: the host of a full team proposes another start for a
 * request waiting for them; the PM accepts it (the request moves there, same
 * duration, still waiting for the host, the line manager's release standing)
 * or declines it. Both the proposal and its acceptance obey every booking rule.
 */
@Injectable()
export class RequestProposalsService {
  constructor(
    private readonly repository: RequestsRepository,
    private readonly requests: RequestsService,
    private readonly rules: BookingRules,
    private readonly audit: AuditService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async propose(caller: AuthenticatedUser, id: string, startDate: string): Promise<RotationRequest> {
    const aim: { target?: BookingTarget } = {};
    try {
      await this.tx.run(async (m) => {
        const { request, parties } = await this.repository.findVisible(m, caller, id, true);
        assertCanPropose(caller, request, parties, startDate);
        await this.judgeMove(m, request, startDate, aim);
        const before = requestSnapshot(request);
        Object.assign(request, { proposedStartDate: startDate, proposedBy: caller.id, proposedAt: this.clock.now() });
        await m.save(request);
        await recordRequest(this.audit, m, { actorId: caller.id, action: 'request.proposed', request, before });
        await this.notices.proposed(m, request, proposalOf(request));
      });
    } catch (error) {
      throw await this.rules.withSuggestions(error, aim.target, FULL_NEXT);
    }
    return this.requests.get(caller, id);
  }

  async accept(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    const aim: { target?: BookingTarget } = {};
    try {
      await this.tx.run(async (m) => {
        const { request } = await this.repository.findVisible(m, caller, id, true);
        assertOpenProposal(caller, request, 'accept');
        const proposal = proposalOf(request);
        await this.judgeMove(m, request, proposal.startDate, aim);
        const before = requestSnapshot(request);
        // Same duration, so the line manager's release still holds: the request keeps waiting for its host.
        Object.assign(request, { startDate: proposal.startDate, endDate: proposal.endDate, ...NO_PROPOSAL });
        await m.save(request);
        await recordRequest(this.audit, m, {
          actorId: caller.id,
          action: 'request.proposal_accepted',
          request,
          before,
        });
        await this.notices.proposalAnswered(m, request, proposal, 'accepted');
      });
    } catch (error) {
      throw await this.rules.withSuggestions(
        overlapAsRuleError(error, PENDING_OVERLAP),
        aim.target,
        'The proposed dates are no longer free; your request keeps its dates. Ask the host for one of the free starts below.',
      );
    }
    return this.requests.get(caller, id);
  }

  async decline(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request } = await this.repository.findVisible(m, caller, id, true);
      assertOpenProposal(caller, request, 'decline');
      const proposal = proposalOf(request);
      const before = requestSnapshot(request);
      Object.assign(request, NO_PROPOSAL);
      await m.save(request);
      await recordRequest(this.audit, m, { actorId: caller.id, action: 'request.proposal_declined', request, before });
      await this.notices.proposalAnswered(m, request, proposal, 'declined');
    });
    return this.requests.get(caller, id);
  }

  /**
   * Every booking rule on the request moved to `startDate` (same team and
   * duration), under the team's and the PM's locks, the request itself not
   * counted; throws the broken rule's error. `aim` keeps the target, for suggestions.
   */
  private async judgeMove(
    m: EntityManager,
    request: RotationRequestEntity,
    startDate: string,
    aim: { target?: BookingTarget },
  ): Promise<void> {
    const { team } = await this.rules.lockForBooking(m, request.teamId, request.pmId);
    const exclude = { excludeRequestId: request.id };
    aim.target = { teamId: team.id, pmId: request.pmId, startDate, durationWeeks: request.durationWeeks, exclude };
    await this.rules.assert(m, team, aim.target, exclude);
  }
}

/** The request's open proposal as the notices see it (callers have checked that one is open). */
function proposalOf(request: RotationRequestEntity): ProposalFacts {
  const startDate = request.proposedStartDate ?? request.startDate;
  return {
    startDate,
    endDate: endDateFor(startDate, request.durationWeeks),
    proposedAt: request.proposedAt ?? new Date(0),
  };
}
