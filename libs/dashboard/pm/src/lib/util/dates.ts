/**
 * Calendar dates travel as `YYYY-MM-DD` strings (api.md); these helpers do the
 * little arithmetic the screens need without ever turning a calendar date into
 * a local-time `Date` (which would shift it across time zones).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

function toUtcMs(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`Not a date: ${iso}`);
  return Date.parse(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  return new Date(toUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

export function diffDays(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The inclusive last day of a stint of `weeks` starting on `start` (product rule: start + 7 × weeks − 1). */
export function endDateFor(start: string, weeks: number): string {
  return addDays(start, 7 * weeks - 1);
}

/** Both ranges inclusive. */
export function rangesOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/** Today's date in an IANA time zone (falls back to UTC for an unknown zone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Assembled from parts, so every browser and Node build prints the same shape. */
function assemble(format: Intl.DateTimeFormat, date: Date, withTime: boolean): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const day = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return withTime ? `${day}, ${part('hour')}:${part('minute')}` : day;
}

/** `2027-01-04` → `Mon 4 Jan 2027`. */
export function formatDay(iso: string): string {
  return isIsoDate(iso) ? assemble(DAY_FORMAT, new Date(toUtcMs(iso)), false) : iso;
}

export function formatRange(start: string, end: string): string {
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** An instant shown in the reader's time zone: `Mon 4 Jan 2027, 10:00`. */
export function formatInstant(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
  return assemble(format, date, true);
}

export function weeksLabel(weeks: number): string {
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}
