/**
 * Dates and instants written for people on the manager's screens. The
 * arithmetic behind them lives in `@stint/shared-dates`; a calendar date is
 * formatted as UTC midnight so the browser's time zone never shifts it.
 */
import { isIsoDate, MS_PER_DAY, toDayNumber, type IsoDate } from '@stint/shared-dates';

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const SHORT_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const WEEKDAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatWith(format: Intl.DateTimeFormat, date: IsoDate): string {
  return isIsoDate(date) ? format.format(new Date(toDayNumber(date) * MS_PER_DAY)) : date;
}

/** "4 Jan 2027". */
export function formatDay(date: IsoDate): string {
  return formatWith(DAY_FORMAT, date);
}

/** "Mon, 4 Jan 2027". */
export function formatWeekday(date: IsoDate): string {
  return formatWith(WEEKDAY_FORMAT, date);
}

/** "4 Jan". */
export function formatShort(date: IsoDate): string {
  return formatWith(SHORT_FORMAT, date);
}

/** "4 Jan – 31 Jan 2027". */
export function formatRange(start: IsoDate, end: IsoDate): string {
  return `${start.slice(0, 4) === end.slice(0, 4) ? formatShort(start) : formatDay(start)} – ${formatDay(end)}`;
}

/** An instant in the viewer's zone: "4 Jan 2027, 10:00". */
export function formatInstant(instant: string | null | undefined, timeZone?: string): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
