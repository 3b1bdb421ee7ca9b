import type { CheckIn } from '@stint/contracts';
import { checkInStatus } from '../check-in-status';
import type { CheckInEntity, CheckInFeedbackEntity } from '../check-in.entity';

/** A check-in as the API answers it: its status derived at `now`, its ratings and its feedback. */
export function toCheckIn(
  c: CheckInEntity,
  feedback: CheckInFeedbackEntity[],
  now: Date,
  overdueAfterHours: number,
): CheckIn {
  return {
    id: c.id,
    placementId: c.placementId,
    kind: c.kind,
    scheduledAt: c.scheduledAt.toISOString(),
    status: checkInStatus(c, now, overdueAfterHours),
    completedAt: c.completedAt ? c.completedAt.toISOString() : null,
    ratings:
      c.ratingNegotiation !== null && c.ratingClosing !== null && c.ratingPersistence !== null
        ? { negotiation: c.ratingNegotiation, closing: c.ratingClosing, persistence: c.ratingPersistence }
        : null,
    notes: c.notes,
    feedback: feedback
      .filter((f) => f.checkInId === c.id)
      .map((f) => ({ byId: f.byId, text: f.text, at: f.at.toISOString() })),
    opensOn: c.dueDate,
  };
}
