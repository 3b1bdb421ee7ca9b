import { Inject, Injectable, Logger } from '@nestjs/common';
import { auditInsert } from '@stint/api-audit';
import {
  handedWrites,
  PLACEMENT_EFFECTS,
  PlacementEffects,
  runWrites,
  transactionNow,
  valuesRow,
} from '@stint/api-core';
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
 * the placement, the request marked booked, the host's approval (when an
 * approval books it), both audited, and booking's effects (check-ins,
 * invites, the booked email), all in one statement. The host's approval and
 * an accepted waitlist offer both end here, so a booking is the same whichever
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
    const records = [
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
    ];
    // Every statement here runs under the team lock, which every approval into the team waits for: the placement,
    // the request booked, both audit rows and the host's approval go to the effects, which make them in their own
    // first statement (the booked emails with the check-ins), or alone when they make none. The request's foreign
    // key to the placement is checked at the statement's end, when the placement is there.
    const handed = handedWrites([
      (first) => ({
        sql: `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks)
              VALUES ${valuesRow(first, ['::uuid', '::uuid', '::uuid', '::uuid', '::date', '::date', '::int'])}`,
        params: [
          placement.id,
          request.id,
          request.pmId,
          request.teamId,
          request.startDate,
          request.endDate,
          request.durationWeeks,
        ],
      }),
      (first) => ({
        sql: `UPDATE rotation_requests
                 SET status = 'booked', placement_id = $${first}::uuid, offer_expires_at = NULL, proposed_start_date = NULL,
                     proposed_by = NULL, proposed_at = NULL, updated_at = CURRENT_TIMESTAMP
               WHERE id = $${first + 1}::uuid`,
        params: [placement.id, request.id],
      }),
      (first) => auditInsert(records, first),
      ...(approval
        ? [
            (first: number) => ({
              sql: `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at)
                    VALUES ($${first}::uuid, 'host', 'approved', $${first + 1}::uuid, $${first + 2}::text, $${first + 3}::timestamptz)`,
              params: [request.id, actorId, approval.comment, approval.at],
            }),
          ]
        : []),
    ]);
    // The rows' timestamps are the transaction's (their defaults and CURRENT_TIMESTAMP), which its locks read.
    const at = await transactionNow(m);
    Object.assign(placement, { createdAt: at, updatedAt: at });
    Object.assign(request, booked, { updatedAt: at });
    await this.effects.booked(m, placement, request, handed.writes);
    if (!handed.made()) await runWrites(m, handed.writes);
    this.logger.log(`Booked placement ${placement.id} for request ${request.id} in team ${request.teamId}.`);
    return placement;
  }
}
