import { addDays, zonedDateTimeToInstant } from '@stint/shared-dates';

const HOUR = 3_600_000;

/**
 * When an offer made `now` stops holding its place: after the policy's hold,
 * but never after the rotation's first day ends in the team's time zone, since
 * an offer accepted after that could no longer book.
 */
export function offerExpiry(now: Date, holdHours: number, startDate: string, teamTimeZone: string): Date {
  const startDayEnds = zonedDateTimeToInstant(addDays(startDate, 1), '00:00', teamTimeZone);
  return new Date(Math.min(now.getTime() + holdHours * HOUR, startDayEnds.getTime()));
}
