import type { PlacementStatus } from '@stint/contracts';

/** A placement's status is derived when read, by the team's calendar, so it is always true. */
export function placementStatus(
  p: { startDate: string; endDate: string; cancelledAt: Date | null },
  today: string,
): PlacementStatus {
  if (p.cancelledAt) return 'cancelled';
  if (today < p.startDate) return 'scheduled';
  if (today <= p.endDate) return 'active';
  return 'completed';
}
