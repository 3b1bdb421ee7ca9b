import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  Clock,
  PLACES_FREED,
  PlacesFreed,
  REQUEST_NOTICES,
  RequestNotices,
  TransactionRunner,
} from '@stint/api-core';
import type { RotationRequest } from '@stint/contracts';
import { EntityManager } from 'typeorm';
import { recordRequest, requestSnapshot } from '../audit-snapshots';
import { RequestApprovalEntity, RotationRequestEntity } from '../rotation-request.entity';
import { BookingRules, BookingTarget } from '../rules/booking-rules.service';
import { overlapAsRuleError, ruleError } from '../rules/rule-errors';
import { NO_PROPOSAL } from './proposal';
import { RequestBooker } from './request-booker';
import { updateRequest } from './request-writes';
import { ApprovalStep, assertOwnPending, decisionStep, WITHDRAWABLE_STATUSES } from './request-steps';
import { type NewApproval, RequestsRepository, type ViewsRow } from './requests.repository';
import { RequestsService } from './requests.service';

/** Deciding a request: the line manager releases it, the host agrees (which books it), either rejects; the PM withdraws. */
@Injectable()
export class RequestDecisionsService {
  constructor(
    private readonly repository: RequestsRepository,
    private readonly requests: RequestsService,
    private readonly rules: BookingRules,
    private readonly audit: AuditService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    private readonly booker: RequestBooker,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async approve(
    caller: AuthenticatedUser,
    id: string,
    comment: string,
    requested?: ApprovalStep,
  ): Promise<RotationRequest> {
    const aim: { target?: BookingTarget } = {};
    try {
      // The answer is made from the request as the transaction committed it (visibility checked under its lock),
      // with the approvals and names read in the locks' round trip and the approval written since.
      return await this.tx.runThen(
        (m) => this.decide(m, caller, { id, comment, requested }, aim),
        async ({ request, viewFacts, approval }) => this.repository.answerAfter(request, viewFacts, approval),
      );
    } catch (error) {
      throw await this.rules.withSuggestions(
        overlapAsRuleError(error, 'placements_no_pm_overlap'),
        aim.target,
        'The request stays pending: offer the PM one of the free starts below, or put the request on the waitlist to be offered the next place that frees up.',
      );
    }
  }

  /** The approval in its transaction: the line manager's releases the request, the host's books it. */
  private async decide(
    m: EntityManager,
    caller: AuthenticatedUser,
    decision: { id: string; comment: string; requested?: ApprovalStep },
    aim: { target?: BookingTarget },
  ): Promise<Decided> {
    const { id, comment, requested } = decision;
    // Lock order everywhere: request row, then team row, then the PM's advisory lock (here all in one round trip,
    // with the policy, the parties, and the booking facts read once the locks are held).
    const { request, parties, pmActive, team, policy, readAhead, viewFacts } =
      await this.repository.findVisibleForBooking(m, caller, id);
    const step = decisionStep(caller, request.status, parties, requested);
    assertPmActive(pmActive);
    const before = requestSnapshot(request);
    const now = this.clock.now();
    const { pmId, startDate, durationWeeks } = request;
    aim.target = { teamId: team.id, pmId, startDate, durationWeeks, exclude: { excludeRequestId: request.id } };
    const candidate = { ...aim.target, confirming: true };
    const { violations } = await this.rules.judge(m, team, candidate, aim.target.exclude, policy, readAhead);
    // A request asked for a full team on purpose is released all the same: the host decides about the waitlist.
    const waived = step === 'manager' && request.waitlistIfFull;
    const broken = waived ? violations.filter((v) => v.code !== 'CAPACITY_FULL') : violations;
    if (broken.length) throw ruleError(broken);
    // The decision is written once the rules have let it through (a refusal leaves nothing to roll back):
    // the host's with the booking, in its one statement.
    const approval: NewApproval = { step, byId: caller.id, comment, at: now };
    if (step === 'manager') {
      await m.insert(RequestApprovalEntity, { requestId: id, decision: 'approved', ...approval });
      await updateRequest(m, request, { status: 'pending_host', pendingSince: now });
      await this.record(m, caller, 'request.released', request, before);
      await this.notices.released(m, request);
    } else {
      await this.booker.book(m, caller.id, request, before, { comment, at: now });
    }
    return { request, viewFacts, approval };
  }

  async reject(
    caller: AuthenticatedUser,
    id: string,
    comment: string,
    requested?: ApprovalStep,
  ): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request, parties } = await this.repository.findVisible(m, caller, id, true);
      const step = decisionStep(caller, request.status, parties, requested, false);
      const before = requestSnapshot(request);
      await m.insert(RequestApprovalEntity, {
        requestId: id,
        step,
        decision: 'rejected',
        byId: caller.id,
        comment,
        at: this.clock.now(),
      });
      Object.assign(request, { status: 'rejected', ...NO_PROPOSAL });
      await m.save(request);
      await this.record(m, caller, 'request.rejected', request, before);
      await this.notices.rejected(m, request);
    });
    return this.requests.get(caller, id);
  }

  async withdraw(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request } = await this.repository.findVisible(m, caller, id, true);
      assertOwnPending(caller, request, { action: 'withdraw', done: 'withdrawn' }, WITHDRAWABLE_STATUSES);
      const held = request.status === 'offered';
      const before = requestSnapshot(request);
      Object.assign(request, { status: 'withdrawn', offerExpiresAt: null, ...NO_PROPOSAL });
      await m.save(request);
      await this.record(m, caller, 'request.withdrawn', request, before);
      // A withdrawn offer gives its place to the next in line at once.
      if (held) await this.places.freed(m, [request.teamId]);
    });
    return this.requests.get(caller, id);
  }

  private record(
    m: EntityManager,
    caller: AuthenticatedUser,
    action: string,
    request: RotationRequestEntity,
    before: Record<string, unknown>,
  ): Promise<void> {
    return recordRequest(this.audit, m, { actorId: caller.id, action, request, before });
  }
}

/** What an approval's transaction hands to its answer. */
interface Decided {
  request: RotationRequestEntity;
  viewFacts: ViewsRow;
  approval: NewApproval;
}

/** A deactivated PM's request can no longer be released or booked. */
function assertPmActive(pmActive: boolean): void {
  if (!pmActive)
    throw ApiError.invalidState(
      'This PM is deactivated; their request can no longer be approved. Reject it, or ask an admin to reactivate them.',
      { pmActive: false },
    );
}
