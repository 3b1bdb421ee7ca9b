import { Inject, Injectable, Logger } from '@nestjs/common';
import { auditInsert } from '@stint/api-audit';
import { namedQuery, PLACEMENT_EFFECTS, PlacementEffects } from '@stint/api-core';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { placementSnapshot, requestSnapshot } from '../audit-snapshots';
import { PlacementEntity } from '../placement.entity';
import { RotationRequestEntity } from '../rotation-request.entity';
import { NO_PROPOSAL } from './proposal';

/** The host's approval that books the request, written in the booking's own statement. */
export interface BookingApproval {
  comment: string;
  at: Date;
}

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

  constructor(@Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects) {}

  async book(
    m: EntityManager,
    actorId: string,
    request: RotationRequestEntity,
    before: Record<string, unknown>,
    approval?: BookingApproval,
  ): Promise<PlacementEntity> {
    const placement = m.create(PlacementEntity, {
      // The id is chosen here so that the placement, the request and their audit rows go in one statement.
      id: randomUUID(),
      requestId: request.id,
      pmId: request.pmId,
      teamId: request.teamId,
      startDate: request.startDate,
      endDate: request.endDate,
      durationWeeks: request.durationWeeks,
      cancelledAt: null,
      cancelledReason: null,
      cancelledBy: null,
      sequence: 0,
    });
    const booked = { status: 'booked' as const, placementId: placement.id, offerExpiresAt: null, ...NO_PROPOSAL };
    const audit = auditInsert(
      [
        {
          actorId,
          action: 'request.booked',
          entityType: 'rotation_request',
          entityId: request.id,
          before,
          after: requestSnapshot({ ...request, ...booked }),
        },
        {
          actorId,
          action: 'placement.booked',
          entityType: 'placement',
          entityId: placement.id,
          after: placementSnapshot(placement),
        },
      ],
      11,
    );
    // Every statement here runs under the team lock, which every approval into the team waits for: the writes
    // (with the host's approval, when an approval books it) are one round trip of data-modifying CTEs. The
    // request's foreign key to the placement is checked at the statement's end, when the placement is there.
    const rows: Array<{ created_at: Date; updated_at: Date; request_updated_at: Date }> = await m.query(
      namedQuery(`WITH placement AS (
         INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks, sequence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0) RETURNING created_at, updated_at),
       request AS (
         UPDATE rotation_requests
            SET status = 'booked', placement_id = $1, offer_expires_at = NULL,
                proposed_start_date = NULL, proposed_by = NULL, proposed_at = NULL, updated_at = CURRENT_TIMESTAMP
          WHERE id = $2 RETURNING updated_at),
       audit AS (${audit.sql}),
       approval AS (
         INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at)
         SELECT $2::uuid, 'host', 'approved', $8::uuid, $9::text, $10::timestamptz WHERE $10::timestamptz IS NOT NULL)
       SELECT placement.created_at, placement.updated_at, request.updated_at AS request_updated_at FROM placement, request`),
      [
        placement.id,
        request.id,
        request.pmId,
        request.teamId,
        request.startDate,
        request.endDate,
        request.durationWeeks,
        actorId,
        approval?.comment ?? '',
        approval?.at ?? null,
        ...audit.params,
      ],
    );
    const [row] = rows;
    if (!row) throw new Error(`rotation request ${request.id} was not there to book`);
    Object.assign(placement, { createdAt: row.created_at, updatedAt: row.updated_at });
    Object.assign(request, booked, { updatedAt: row.request_updated_at });
    await this.effects.booked(m, placement, request);
    this.logger.log(`Booked placement ${placement.id} for request ${request.id} in team ${request.teamId}.`);
    return placement;
  }
}
