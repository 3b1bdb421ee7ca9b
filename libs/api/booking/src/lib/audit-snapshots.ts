import type { AuditService } from '@stint/api-audit';
import type { EntityManager } from 'typeorm';
import type { PlacementEntity } from './placement.entity';
import type { RotationRequestEntity } from './rotation-request.entity';

/** What the audit log keeps of a request before and after a change. */
export function requestSnapshot(r: RotationRequestEntity): Record<string, unknown> {
  return {
    status: r.status,
    teamId: r.teamId,
    startDate: r.startDate,
    endDate: r.endDate,
    durationWeeks: r.durationWeeks,
    placementId: r.placementId,
    ...(r.waitlistRank !== null && { waitlistRank: r.waitlistRank }),
    ...(r.offerExpiresAt && { offerExpiresAt: r.offerExpiresAt.toISOString() }),
    ...(r.proposedStartDate && { proposedStartDate: r.proposedStartDate }),
  };
}

/** What the audit log keeps of a placement before and after a change. */
export function placementSnapshot(p: PlacementEntity): Record<string, unknown> {
  return {
    teamId: p.teamId,
    startDate: p.startDate,
    endDate: p.endDate,
    durationWeeks: p.durationWeeks,
    cancelledAt: p.cancelledAt,
    cancelledReason: p.cancelledReason,
  };
}

/** Audits a change to a request: who did it, the action, and the request before and after. */
export function recordRequest(
  audit: AuditService,
  m: EntityManager,
  change: { actorId: string; action: string; request: RotationRequestEntity; before: Record<string, unknown> },
): Promise<void> {
  return audit.record(m, {
    actorId: change.actorId,
    action: change.action,
    entityType: 'rotation_request',
    entityId: change.request.id,
    before: change.before,
    after: requestSnapshot(change.request),
  });
}
