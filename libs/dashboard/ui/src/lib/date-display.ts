/**
 * Dates and instants written for people, the same on every screen that shows
 * them this way (PM and admin). A calendar date is formatted at UTC midnight,
 * so the browser's time zone never shifts it; an instant is shown in the zone
 * the caller names, UTC when the zone is unknown.
 */
import { isIsoDate, MS_PER_DAY, toDayNumber } from '@stint/shared-dates';

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
  return isIsoDate(iso) ? assemble(DAY_FORMAT, new Date(toDayNumber(iso) * MS_PER_DAY), false) : iso;
}

/** `Mon 4 Jan 2027 – Sun 31 Jan 2027`; one day alone when both ends are the same. */
export function formatRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** An instant shown in the reader's time zone: `Mon 4 Jan 2027, 10:00`. */
export function formatInstant(instant: string | null, timeZone: string): string {
  if (!instant) return '—';
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

/** The zone's short name at that instant as people read it: `CET`, `CEST`, `EST`, or `GMT+5:30` where there is none. */
export function zoneName(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return timeZone;
  try {
    // British English names Europe's zones (CET, BST), American English America's (EST, PST); either
    // falls back to an offset (GMT-5) for the other side's, so the first name in letters wins.
    const names = ['en-GB', 'en-US'].map(
      (locale) =>
        new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
          .formatToParts(date)
          .find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
    );
    const name = names.find((n) => /^[A-Z]{2,5}$/.test(n)) ?? names[0] ?? timeZone;
    return name;
  } catch {
    return 'UTC';
  }
}

/** An instant in the reader's zone, with the zone named: `Tue 12 Jan 2027, 10:00 CET`. */
export function formatInstantInZone(instant: string | null, timeZone: string): string {
  if (!instant) return '—';
  const shown = formatInstant(instant, timeZone);
  return shown === instant ? instant : `${shown} ${zoneName(instant, timeZone)}`;
}
