/**
 * Conversions between instants and the wall clock of an IANA time zone.
 *
 * Everything rests on one primitive: reading the wall clock of a zone at an
 * instant through `Intl.DateTimeFormat`, which carries the runtime's own time
 * zone database. The other direction (wall clock → instant) searches with
 * that primitive. The README explains why no date library does this instead.
 */
import { remembered } from './remembered';
import { daysFromCivil, fromDayNumber, MS_PER_DAY, toDayNumber, type IsoDate } from './calendar';
import { clockTimeToMinutes, type ClockTime } from './clock';

const MS_PER_MINUTE = 60_000;

// Building a DateTimeFormat is far slower than using one, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  dayNumber: number;
  msOfDay: number;
}

function readWallClock(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const field = (name: string): number => {
    const value = fields[name];
    if (value === undefined || Number.isNaN(value)) {
      throw new RangeError(`Could not read the ${name} in time zone ${timeZone}.`);
    }
    return value;
  };
  return {
    dayNumber: daysFromCivil(field('year'), field('month'), field('day')),
    msOfDay: ((field('hour') * 60 + field('minute')) * 60 + field('second')) * 1000,
  };
}

/** Wall-clock time minus UTC, in ms, in `timeZone` at `instantMs`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = readWallClock(instantMs, timeZone);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wall.dayNumber * MS_PER_DAY + wall.msOfDay - wholeSecond;
}

/**
 * Zones already judged: building an Intl.DateTimeFormat costs about 0.1 ms,
 * which a 10,000-row import would pay per row. Bounded, so made-up names
 * cannot grow it without end.
 */
const zoneChecks = new Map<string, boolean>();

/** True for a time-zone name the runtime's Intl knows, e.g. `Europe/Berlin` or `UTC`. */
export function isValidTimeZone(tz: string): boolean {
  // Intl also takes offsets such as "+01:00"; the product stores IANA names only.
  if (typeof tz !== 'string' || !/^[A-Za-z]/.test(tz)) return false;
  const known = zoneChecks.get(tz);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneChecks.size < 1000) zoneChecks.set(tz, valid);
  return valid;
}

/**
 * `timeZone` when this runtime knows it, otherwise `UTC`. For display code
 * (a browser's time-zone data can lag the server's): the functions below
 * throw a RangeError for an unknown zone.
 */
export function timeZoneOrUtc(timeZone: string | null | undefined): string {
  return typeof timeZone === 'string' && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/**
 * The last date read per zone and the UTC minute it was read in: a page of 50 placements asks for "today" in its
 * teams' zones 50 times within a millisecond, and formatToParts is the costliest step of answering it. Every zone's
 * offset has been a whole number of minutes since 1972 (Monrovia's -0:44:30 was the last to go), so a local midnight falls on a whole UTC minute and the
 * date cannot change within one. Bounded like zoneChecks.
 */
const todays = new Map<string, { minute: number; date: IsoDate }>();
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

/** The calendar date on the wall in `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const ms = now.getTime();
  const minute = Math.floor(ms / MS_PER_MINUTE);
  const known = todays.get(timeZone);
  if (known && known.minute === minute && ms >= WHOLE_MINUTE_OFFSETS_SINCE) return known.date;
  const date = fromDayNumber(readWallClock(ms, timeZone).dayNumber);
  if (todays.size < 1000 || todays.has(timeZone)) todays.set(timeZone, { minute, date });
  return date;
}

/** What the wall clock in `timeZone` reads at `instant`, to the minute. */
export function instantToZonedDateTime(instant: Date, timeZone: string): { date: IsoDate; time: ClockTime } {
  const wall = readWallClock(instant.getTime(), timeZone);
  const minutes = Math.floor(wall.msOfDay / MS_PER_MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return { date: fromDayNumber(wall.dayNumber), time: `${hh}:${mm}` };
}

/** The zone's offset from UTC at `instant`, in ms (positive east of Greenwich: +3 600 000 for CET). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return offsetAt(instant.getTime(), timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`.
 *
 * When the clocks jump forward and that reading never happens, the answer is
 * the first instant after the jump (so 02:30 on a spring-forward night in
 * Berlin gives 03:00 local). When they fall back and it happens twice, the
 * answer is the earlier one.
 */
export function zonedDateTimeToInstant(date: IsoDate, time: ClockTime, timeZone: string): Date {
  // A cadence asks for the same few times on the same dates again and again (each reading costs a few formats).
  return new Date(zonedInstants(`${date}|${time}|${timeZone}`, () => wallClockToInstantMs(date, time, timeZone)));
}

/** Instants already found (as numbers: each caller gets a Date of its own), by date, time and zone. */
const zonedInstants = remembered<number>(5_000);

function wallClockToInstantMs(date: IsoDate, time: ClockTime, timeZone: string): number {
  const wallMs = toDayNumber(date) * MS_PER_DAY + clockTimeToMinutes(time) * MS_PER_MINUTE;
  // Offsets a day either side cover both sides of any single transition.
  const offsetBefore = offsetAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wallMs + MS_PER_DAY, timeZone);

  const matches: number[] = [];
  for (const offset of new Set([offsetBefore, offsetAfter])) {
    const candidate = wallMs - offset;
    if (offsetAt(candidate, timeZone) === offset) matches.push(candidate);
  }
  if (matches.length > 0) return Math.min(...matches);

  // A gap: the offset grew across the requested time. Find the transition
  // instant, the first one whose offset is no longer the earlier offset.
  let lo = wallMs - Math.max(offsetBefore, offsetAfter);
  let hi = wallMs - Math.min(offsetBefore, offsetAfter);
  const loOffset = offsetAt(lo, timeZone);
  if (offsetAt(hi, timeZone) === loOffset) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The calendar date of `instant` on the runtime's own clock: the browser's
 * zone in the dashboard. Everything else here names its zone; use this only
 * for "today where the viewer is".
 */
export function localDate(instant: Date): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1, 2)}-${pad(instant.getDate(), 2)}`;
}

/**
 * The UTC calendar date of an ISO 8601 instant written in UTC, as the API
 * sends them (`2027-01-04T09:00:00.000Z` → `2027-01-04`): its first ten characters.
 */
export function instantDate(instant: string): IsoDate {
  return instant.slice(0, 10);
}
