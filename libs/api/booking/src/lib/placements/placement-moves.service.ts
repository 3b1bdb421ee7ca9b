import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  Clock,
  Parties,
  PLACEMENT_EFFECTS,
  PlacementEffects,
  PLACES_FREED,
  PlacesFreed,
  TransactionRunner,
} from '@stint/api-core';
import type { Placement } from '@stint/contracts';
import { endDateFor, todayIn } from '@stint/shared-dates';
import { placementSnapshot } from '../audit-snapshots';
import { BookingRules, BookingTarget } from '../rules/booking-rules.service';
import { overlapAsRuleError } from '../rules/rule-errors';
import { placementStatus } from './placement-status';
import { PlacementRow, PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

/** Moving and cancelling placements: the host team's manager or an admin, while the placement is not over. */
@Injectable()
export class PlacementMovesService {
  constructor(
    private readonly repository: PlacementsRepository,
    private readonly placements: PlacementsService,
    private readonly rules: BookingRules,
    private readonly audit: AuditService,
    @Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async reschedule(
    caller: AuthenticatedUser,
    id: string,
    startDate: string,
    durationWeeks: number | undefined,
  ): Promise<Placement> {
    const aim: { target?: BookingTarget } = {};
    try {
      await this.tx.run(async (m) => {
        const { placement, parties } = await this.repository.findVisible(m, caller, id, true);
        this.assertMovable(caller, parties, placement, 'it can no longer be moved');
        const weeks = durationWeeks ?? placement.durationWeeks;
        // Moving to where it already is (a repeated submit) changes nothing and sends no new invites.
        if (placement.startDate === startDate && placement.durationWeeks === weeks) return;
        const { team } = await this.rules.lockForBooking(m, placement.teamId, placement.pmId);
        const exclude = { excludePlacementId: placement.id, excludeRequestId: placement.requestId };
        aim.target = { teamId: team.id, pmId: placement.pmId, startDate, durationWeeks: weeks, exclude };
        // Only a length change keeps the start chosen earlier: the start rules judge a new start only.
        await this.rules.assert(m, team, { ...aim.target, confirming: startDate === placement.startDate }, exclude);
        const before = { startDate: placement.startDate, endDate: placement.endDate };
        const beforeSnapshot = placementSnapshot(placement);
        Object.assign(placement, {
          startDate,
          endDate: endDateFor(startDate, weeks),
          durationWeeks: weeks,
          sequence: placement.sequence + 1,
        });
        await this.repository.save(m, placement);
        await this.repository.mirrorDatesOnRequest(m, placement);
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'placement.rescheduled',
          entityType: 'placement',
          entityId: id,
          before: beforeSnapshot,
          after: placementSnapshot(placement),
        });
        await this.effects.rescheduled(m, placement, before);
        // The days it left may be what someone in the waitlist's line is waiting for.
        await this.places.freed(m, [placement.teamId]);
      });
    } catch (error) {
      throw await this.rules.withSuggestions(
        overlapAsRuleError(
          error,
          'placements_no_pm_overlap',
          'This PM already has another placement on some of these days; pick other dates.',
        ),
        aim.target,
        'The placement keeps its dates.',
      );
    }
    return this.placements.get(caller, id);
  }

  async cancel(caller: AuthenticatedUser, id: string, reason: string): Promise<Placement> {
    await this.tx.run(async (m) => {
      const { placement, parties } = await this.repository.findVisible(m, caller, id, true);
      this.assertMovable(caller, parties, placement, 'it cannot be cancelled');
      const before = placementSnapshot(placement);
      Object.assign(placement, {
        cancelledAt: this.clock.now(),
        cancelledReason: reason,
        cancelledBy: caller.id,
        sequence: placement.sequence + 1,
      });
      await this.repository.save(m, placement);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'placement.cancelled',
        entityType: 'placement',
        entityId: id,
        before,
        after: placementSnapshot(placement),
      });
      await this.effects.cancelled(m, placement);
      // Its place goes to the first request in the team's waitlist whose dates now fit.
      await this.places.freed(m, [placement.teamId]);
    });
    return this.placements.get(caller, id);
  }

  /** Only the host team's manager or an admin, and only while the placement is scheduled or active. */
  private assertMovable(caller: AuthenticatedUser, parties: Parties, placement: PlacementRow, refusal: string): void {
    if (caller.role !== 'admin' && parties.hostManagerId !== caller.id) {
      throw ApiError.forbidden("Only the host team's manager or an admin may reschedule or cancel a placement.");
    }
    const status = placementStatus(placement, todayIn(placement.timezone, this.clock.now()));
    if (status === 'cancelled' || status === 'completed') {
      throw ApiError.invalidState(`This placement is ${status}; ${refusal}.`, { status });
    }
  }
}
