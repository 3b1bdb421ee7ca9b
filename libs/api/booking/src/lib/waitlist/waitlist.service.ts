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
import type { RotationRequest, TeamWaitlist } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import { requestSnapshot } from '../audit-snapshots';
import { NO_PROPOSAL } from '../requests/proposal';
import { RequestBooker } from '../requests/request-booker';
import { RequestsRepository } from '../requests/requests.repository';
import { RequestsService } from '../requests/requests.service';
import { RotationRequestEntity } from '../rotation-request.entity';
import type { TeamRow } from '../rules/booking-facts.queries';
import { BookingRules, type Candidate } from '../rules/booking-rules.service';
import { ruleError } from '../rules/rule-errors';
import { WaitlistMatcher } from './waitlist-matcher';
import { nextRank, RANK_STEP, teamWaitlist, waitlistPositions } from './waitlist.queries';
import { readableInstant } from '@stint/shared-dates';

/** The rules a place freeing up can cure; any other broken rule means waiting would never help. */
const WAITABLE = new Set(['CAPACITY_FULL', 'BLACKOUT']);

/**
 * The waitlist's routes: the host puts a released request in line, the PM
 * accepts or declines the place offered, hosts and admins read the line and
 * admins reorder it. The offers themselves are made by `WaitlistMatcher`.
 */
/** A waiting request's own dates, chosen when it was made: confirmed, not chosen again. */
function confirmed(request: RotationRequestEntity): Candidate {
  const { pmId, startDate, durationWeeks } = request;
  return { pmId, startDate, durationWeeks, confirming: true };
}

@Injectable()
export class WaitlistService {
  constructor(
    private readonly repository: RequestsRepository,
    private readonly requests: RequestsService,
    private readonly rules: BookingRules,
    private readonly booker: RequestBooker,
    private readonly matcher: WaitlistMatcher,
    private readonly audit: AuditService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /** The host (or an admin) puts a released request whose team is full, or blacked out, on those dates in line. */
  async waitlist(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request, parties } = await this.repository.findVisible(m, caller, id, true);
      if (caller.role !== 'admin' && parties.hostManagerId !== caller.id)
        throw ApiError.forbidden("Only the host team's manager or an admin may put a request on the team's waitlist.");
      if (request.status === 'waitlisted') {
        const position = (await waitlistPositions(m, [id])).get(id);
        throw ApiError.invalidState(`This request is already on the waitlist, at position ${position}.`, {
          status: request.status,
          waitlistPosition: position,
        });
      }
      if (request.status !== 'pending_host')
        throw ApiError.invalidState(
          `This request is ${request.status}; only a request released to the host (pending_host) can go on the waitlist.`,
          { status: request.status },
        );
      // Lock order everywhere: request row, then team row, then the PM's advisory lock.
      const { team } = await this.rules.lockForBooking(m, request.teamId, request.pmId);
      const { violations } = await this.rules.judge(m, team, confirmed(request), { excludeRequestId: id });
      if (!violations.length)
        throw ApiError.invalidState(
          'There is room in the team for these dates now: approve the request (step "host") instead of waitlisting it.',
          { status: request.status, ok: true },
        );
      const incurable = violations.filter((v) => !WAITABLE.has(v.code));
      if (incurable.length) throw ruleError(incurable);
      const before = requestSnapshot(request);
      Object.assign(request, {
        status: 'waitlisted',
        waitlistedAt: this.clock.now(),
        waitlistRank: await nextRank(m, team.id),
        offerExpiresAt: null,
        ...NO_PROPOSAL,
      });
      await m.save(request);
      await this.record(m, caller.id, 'request.waitlisted', request, before);
      const position = (await waitlistPositions(m, [id])).get(id) ?? 1;
      await this.notices.waitlisted(m, request, position);
    });
    return this.requests.get(caller, id);
  }

  /** The PM takes the place held for them: booked as any booking is, the host told. */
  async acceptOffer(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    const outcome = await this.tx.run(async (m) => {
      const request = await this.ownOffer(m, caller, id, 'accept');
      if (this.expired(request)) {
        await this.matcher.lapse(m, request, 'expired');
        await this.places.freed(m, [request.teamId]);
        return { lapsedAt: request.offerExpiresAt };
      }
      const { team } = await this.rules.lockForBooking(m, request.teamId, request.pmId);
      // Every rule again, this offer's own hold left out so its place is not counted twice.
      await this.rules.assert(m, team, confirmed(request), { excludeRequestId: id });
      const before = requestSnapshot(request);
      await this.booker.book(m, caller.id, request, before);
      await this.notices.offerAccepted(m, request);
      return { lapsedAt: null };
    });
    if (outcome.lapsedAt)
      throw ApiError.invalidState(
        `This offer lapsed at ${readableInstant(outcome.lapsedAt, caller.timezone)}; the place has gone to the next in line. Look for another slot.`,
        { status: 'lapsed', offerExpiresAt: outcome.lapsedAt.toISOString() },
      );
    return this.requests.get(caller, id);
  }

  /** The PM turns the place down: the request is withdrawn and the place goes to the next in line. */
  async declineOffer(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const request = await this.ownOffer(m, caller, id, 'decline');
      const before = requestSnapshot(request);
      request.status = 'withdrawn';
      await m.save(request);
      await this.record(m, caller.id, 'request.offer_declined', request, before);
      await this.places.freed(m, [request.teamId]);
    });
    return this.requests.get(caller, id);
  }

  /** The team's offers out, then its line in order: for the team's manager and admins. */
  async teamWaitlist(caller: AuthenticatedUser, teamId: string): Promise<TeamWaitlist> {
    const m = this.repository.manager;
    const team = await this.hostedTeam(m, caller, teamId);
    return { teamId, teamName: team.name, capacity: team.capacity, items: await teamWaitlist(m, teamId) };
  }

  /** An admin puts the line in a new order; `requestIds` must name exactly the requests waiting in it. */
  async reorder(caller: AuthenticatedUser, teamId: string, requestIds: string[]): Promise<TeamWaitlist> {
    if (caller.role !== 'admin') throw ApiError.forbidden('Only an admin may reorder a waitlist.');
    await this.tx.run(async (m) => {
      await this.rules.requireTeam(m, teamId, true);
      const line = await m.find(RotationRequestEntity, {
        where: { teamId, status: 'waitlisted' },
        order: { waitlistRank: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const current = line.map((r) => r.id);
      const same = requestIds.length === current.length && new Set(requestIds).size === current.length;
      if (!same || !requestIds.every((rid) => current.includes(rid)))
        throw ApiError.conflict(
          'The waitlist changed since it was read: send every waiting request exactly once. Reload the waitlist and try again.',
          { waiting: current },
        );
      for (const [i, rid] of requestIds.entries())
        await m.update(RotationRequestEntity, { id: rid }, { waitlistRank: String((i + 1) * RANK_STEP) });
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'team.waitlist_reordered',
        entityType: 'team',
        entityId: teamId,
        before: { order: current },
        after: { order: requestIds },
      });
    });
    return this.teamWaitlist(caller, teamId);
  }

  private async ownOffer(
    m: EntityManager,
    caller: AuthenticatedUser,
    id: string,
    verb: 'accept' | 'decline',
  ): Promise<RotationRequestEntity> {
    const { request } = await this.repository.findVisible(m, caller, id, true);
    if (request.pmId !== caller.id)
      throw ApiError.forbidden(`Only the PM the place is offered to may ${verb} the offer.`);
    if (request.status !== 'offered')
      throw ApiError.invalidState(`This request is ${request.status}; there is no offer to ${verb}.`, {
        status: request.status,
      });
    return request;
  }

  private expired(request: RotationRequestEntity): boolean {
    return !request.offerExpiresAt || request.offerExpiresAt.getTime() <= this.clock.now().getTime();
  }

  private async hostedTeam(m: EntityManager, caller: AuthenticatedUser, teamId: string): Promise<TeamRow> {
    const team = await this.rules.requireTeam(m, teamId);
    if (caller.role !== 'admin' && team.manager_id !== caller.id)
      throw ApiError.forbidden("Only the team's manager or an admin may see its waitlist.");
    return team;
  }

  private record(
    m: EntityManager,
    actorId: string,
    action: string,
    request: RotationRequestEntity,
    before: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(m, {
      actorId,
      action,
      entityType: 'rotation_request',
      entityId: request.id,
      before,
      after: requestSnapshot(request),
    });
  }
}
