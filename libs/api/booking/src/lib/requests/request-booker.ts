import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import { PLACEMENT_EFFECTS, PlacementEffects } from '@stint/api-core';
import type { EntityManager } from 'typeorm';
import { placementSnapshot, requestSnapshot } from '../audit-snapshots';
import { PlacementEntity } from '../placement.entity';
import { RotationRequestEntity } from '../rotation-request.entity';
import { NO_PROPOSAL } from './proposal';
import { updateRequest } from './request-writes';

/**
 * Books a request whose rules have just been checked under the team lock:
 * the placement, the request marked booked, both audited, then booking's
 * effects (check-ins, invites, the booked email). The host's approval and an
 * accepted waitlist offer both end here, so a booking is the same whichever
 * way it came.
 */
@Injectable()
export class RequestBooker {
  private readonly logger = new Logger(RequestBooker.name);

  constructor(
    private readonly audit: AuditService,
    @Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects,
  ) {}

  async book(
    m: EntityManager,
    actorId: string,
    request: RotationRequestEntity,
    before: Record<string, unknown>,
  ): Promise<PlacementEntity> {
    const placement = await m.save(
      m.create(PlacementEntity, {
        requestId: request.id,
        pmId: request.pmId,
        teamId: request.teamId,
        startDate: request.startDate,
        endDate: request.endDate,
        durationWeeks: request.durationWeeks,
        sequence: 0,
      }),
    );
    await updateRequest(m, request, {
      status: 'booked',
      placementId: placement.id,
      offerExpiresAt: null,
      ...NO_PROPOSAL,
    });
    await this.audit.recordAll(m, [
      {
        actorId,
        action: 'request.booked',
        entityType: 'rotation_request',
        entityId: request.id,
        before,
        after: requestSnapshot(request),
      },
      {
        actorId,
        action: 'placement.booked',
        entityType: 'placement',
        entityId: placement.id,
        after: placementSnapshot(placement),
      },
    ]);
    await this.effects.booked(m, placement, request);
    this.logger.log(`Booked placement ${placement.id} for request ${request.id} in team ${request.teamId}.`);
    return placement;
  }
}
