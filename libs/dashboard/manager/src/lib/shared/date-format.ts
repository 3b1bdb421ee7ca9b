/**
 * Dates and instants on the manager's screens: the shared display formats
 * (`@stint/dashboard-ui`), in the viewer's locale and zone, under the names
 * these screens use.
 */
import { formatDate, formatDay as formatWeekdayDate, formatInstant as formatInstantNamed } from '@stint/dashboard-ui';
import type { IsoDate } from '@stint/shared-dates';

export { formatShortDate as formatShort, formatShortRange as formatRange, theirLocalTime } from '@stint/dashboard-ui';

/** "4 Jan 2027" (en-GB), "Jan 4, 2027" (en-US). */
export function formatDay(date: IsoDate): string {
  return formatDate(date);
}

/** "Mon 4 Jan 2027" (en-GB), "Mon, Jan 4, 2027" (en-US). */
export function formatWeekday(date: IsoDate): string {
  return formatWeekdayDate(date);
}

/** An instant in the viewer's zone (or the one given), the zone named: "Mon 4 Jan 2027, 10:00 CET"; empty for none. */
export function formatInstant(instant: string | null | undefined, timeZone?: string): string {
  return instant ? formatInstantNamed(instant, timeZone) : '';
}
