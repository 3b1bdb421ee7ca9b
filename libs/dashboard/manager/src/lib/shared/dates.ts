/**
 * Calendar dates as `YYYY-MM-DD` strings (the API's format). Arithmetic runs
 * on UTC day numbers so the browser's time zone never shifts a date.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value || !ISO_DATE.test(value)) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  return (new Date(dayNumber(date) * MS_PER_DAY).getUTCDay() + 6) % 7;
}

/** The Monday of the ISO week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -dayOfWeek(date));
}

/** Inclusive end of a rotation of `weeks` whole weeks (product rule: start + 7W − 1). */
export function endDateFor(start: IsoDate, weeks: number): IsoDate {
  return addDays(start, weeks * 7 - 1);
}

/** Today's calendar date where the user is. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether two inclusive date ranges share a day. */
export function rangesOverlap(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/** The calendar date (UTC) of an ISO instant. */
export function instantDate(instant: string): IsoDate {
  return instant.slice(0, 10);
}

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

/** "4 Jan 2027". */
export function formatDay(date: IsoDate): string {
  return isIsoDate(date) ? DAY_FORMAT.format(new Date(dayNumber(date) * MS_PER_DAY)) : date;
}

/** "Mon, 4 Jan 2027". */
export function formatWeekday(date: IsoDate): string {
  return isIsoDate(date) ? WEEKDAY_FORMAT.format(new Date(dayNumber(date) * MS_PER_DAY)) : date;
}

/** "4 Jan". */
export function formatShort(date: IsoDate): string {
  return isIsoDate(date) ? SHORT_FORMAT.format(new Date(dayNumber(date) * MS_PER_DAY)) : date;
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
