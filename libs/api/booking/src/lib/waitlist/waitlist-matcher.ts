import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import { Clock, PlacesFreed, REQUEST_NOTICES, RequestNotices } from '@stint/api-core';
import { checkBooking } from '@stint/scheduling';
import { todayIn } from '@stint/shared-dates';
import type { EntityManager } from 'typeorm';
import { requestSnapshot } from '../audit-snapshots';
import { RotationRequestEntity } from '../rotation-request.entity';
import { loadBookingFacts, loadTeam, lockPm, type TeamRow } from '../rules/booking-facts.queries';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';
import { offerExpiry } from './offer-hold';
import { hasWaitlist, isActiveUser, teamsWithWaitlist } from './waitlist.queries';

/**
 * Offers freed places to the waitlist, inside the transaction that freed
 * them. For each team it takes the team's row lock (the lock every booking
 * into the team takes), walks the line in order and offers a place to every
 * request whose dates now pass all the booking rules. An offer holds its
 * place (booking facts count it), so the next request in line is judged with
 * that place taken, and one freed place is never offered twice.
 */
@Injectable()
export class WaitlistMatcher implements PlacesFreed {
  private readonly logger = new Logger(WaitlistMatcher.name);

  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    private readonly expiry: OfferExpiryScheduler,
  ) {}

  async freed(m: EntityManager, teamIds: string[] | 'all'): Promise<void> {
    // Teams in id order, so two transactions freeing places in the same teams take their locks in the same order.
    const ids = teamIds === 'all' ? await teamsWithWaitlist(m) : [...new Set(teamIds)].sort();
    for (const id of ids) await this.offerFreedPlaces(m, id);
  }

  /** Ends an offer or a wait for good: `lapsed`, audited (by nobody: time did it), the PM told. */
  async lapse(m: EntityManager, request: RotationRequestEntity, why: 'expired' | 'start_passed'): Promise<void> {
    const before = requestSnapshot(request);
    request.status = 'lapsed';
    await m.save(request);
    await this.audit.record(m, {
      actorId: null,
      action: why === 'expired' ? 'request.offer_lapsed' : 'request.waitlist_lapsed',
      entityType: 'rotation_request',
      entityId: request.id,
      before,
      after: requestSnapshot(request),
    });
    await this.notices.lapsed(m, request, why);
  }

  private async offerFreedPlaces(m: EntityManager, teamId: string): Promise<void> {
    if (!(await hasWaitlist(m, teamId))) return;
    const team = await loadTeam(m, teamId, true);
    if (!team?.active) return;
    const now = this.clock.now();
    const today = todayIn(team.timezone, now);
    const line = await m.find(RotationRequestEntity, {
      where: { teamId, status: 'waitlisted' },
      order: { waitlistRank: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    let offered = 0;
    for (const request of line) {
      if (request.startDate < today) {
        await this.lapse(m, request, 'start_passed');
        continue;
      }
      await lockPm(m, request.pmId);
      // A deactivated PM's request waits on (an admin may reactivate them) but is offered nothing.
      if (!(await isActiveUser(m, request.pmId))) continue;
      const { startDate, endDate, pmId } = request;
      const facts = await loadBookingFacts(
        m,
        team,
        { from: startDate, to: endDate, pmId, excludeRequestId: request.id },
        now,
      );
      // The start was judged when it was requested; only what may have changed since is checked again.
      if (checkBooking(facts, { startDate, durationWeeks: request.durationWeeks, confirming: true }).length) continue;
      await this.offer(m, request, team, facts.policy.offerHoldHours, now);
      offered++;
    }
    if (offered) this.logger.log(`Offered ${offered} freed place(s) in team ${teamId} to its waitlist.`);
  }

  private async offer(
    m: EntityManager,
    request: RotationRequestEntity,
    team: TeamRow,
    holdHours: number,
    now: Date,
  ): Promise<void> {
    const before = requestSnapshot(request);
    const expiresAt = offerExpiry(now, holdHours, request.startDate, team.timezone);
    Object.assign(request, {
      status: 'offered',
      offeredAt: now,
      offerExpiresAt: expiresAt,
      offerVersion: request.offerVersion + 1,
    });
    await m.save(request);
    await this.audit.record(m, {
      actorId: null,
      action: 'request.offered',
      entityType: 'rotation_request',
      entityId: request.id,
      before,
      after: requestSnapshot(request),
    });
    await this.notices.offered(m, request, request.offerVersion);
    this.expiry.scheduleAfterCommit({ id: request.id, offerVersion: request.offerVersion, offerExpiresAt: expiresAt });
  }
}
