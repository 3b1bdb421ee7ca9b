import type { CheckIn, PlacementListItem } from '@stint/contracts';
import { addDays, instantDate, type IsoDate } from '@stint/shared-dates';

/**
 * Check-ins carry only their placement id. The placements behind a page of
 * check-ins end no earlier than ~followUpDays (30, plus a weekend shift)
 * before the first one and start no later than the last one, so one ranged
 * list usually names them all; the margin covers a longer policy.
 */
export function placementWindow(checkIns: readonly CheckIn[], marginDays = 45): { from: IsoDate; to: IsoDate } | null {
  if (!checkIns.length) return null;
  const dates = checkIns.map((c) => instantDate(c.scheduledAt)).sort();
  return { from: addDays(dates[0] as IsoDate, -marginDays), to: dates[dates.length - 1] as IsoDate };
}

/** Placement ids a page of check-ins needs that the ranged list did not bring. */
export function missingPlacementIds(
  checkIns: readonly CheckIn[],
  known: ReadonlyMap<string, PlacementListItem>,
): string[] {
  return [...new Set(checkIns.map((c) => c.placementId))].filter((id) => !known.has(id));
}
