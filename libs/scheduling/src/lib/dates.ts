/**
 * Calendar dates as `YYYY-MM-DD` strings, and the few conversions between
 * wall-clock time in an IANA zone and instants.
 *
 * Calendar arithmetic runs on day numbers (days since 1970-01-01) computed
 * with the proleptic Gregorian formulas, so no JS `Date` ever stands in for a
 * calendar date and no host time zone can leak in.
 */

/** A calendar date, `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;

/** A wall-clock time, `HH:MM` on a 24-hour clock. */
export type ClockTime = string;

export const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days, day 0 = 1970-01-01.
// Every quantity is non-negative for years 0001–9999, so `| 0` floors; it is
// used instead of Math.floor because Jest's sandbox makes Math calls many
// times slower, and slot search converts every booking of every team.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0
  const dayOfYear = (((153 * shiftedMonth + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** 0001-01-01 and 9999-12-31 as day numbers. */
const FIRST_DAY_NUMBER = -719_162;
const LAST_DAY_NUMBER = 2_932_896;

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = (z / 146_097) | 0;
  const dayOfEra = z - era * 146_097;
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const shiftedMonth = ((5 * dayOfYear + 2) / 153) | 0;
  const day = dayOfYear - (((153 * shiftedMonth + 2) / 5) | 0) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The number written by `count` ASCII digits from `start`, or -1. */
function readDigits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// Hand-rolled rather than a regular expression: slot search parses every
// booking of every team, and this is several times faster.
function parseIsoDate(s: string): [number, number, number] | null {
  if (typeof s !== 'string' || s.length !== 10) return null;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null; // '-'
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  if (year < 1 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-30). */
export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && parseIsoDate(s) !== null;
}

/** Days since 1970-01-01; throws a RangeError for anything but a real date. */
export function toDayNumber(d: IsoDate): number {
  const parsed = parseIsoDate(d);
  if (!parsed) {
    throw new RangeError(`"${d}" is not a calendar date in the form YYYY-MM-DD.`);
  }
  return daysFromCivil(parsed[0], parsed[1], parsed[2]);
}

/** The calendar date `dayNumber` days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_DAY_NUMBER || dayNumber > LAST_DAY_NUMBER) {
    throw new RangeError(`Day number ${dayNumber} is not a whole day in years 0001–9999.`);
  }
  const [year, month, day] = civilFromDays(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`Cannot add ${n} days: not a whole number.`);
  }
  return fromDayNumber(toDayNumber(d) + n);
}

/** `to − from` in days (negative when `to` is earlier). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return dayOfWeekOfDayNumber(toDayNumber(d));
}

/** Same as {@link dayOfWeek} for a day number (1970-01-01 was a Thursday). */
export function dayOfWeekOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The Monday on or before `d`. */
export function weekStart(d: IsoDate): IsoDate {
  const n = toDayNumber(d);
  const daysSinceMonday = (dayOfWeekOfDayNumber(n) + 6) % 7;
  return fromDayNumber(n - daysSinceMonday);
}

/** Inclusive end date of a stint of `weeks` weeks starting on `start`. */
export function endDateFor(start: IsoDate, weeks: number): IsoDate {
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new RangeError(`A duration of ${weeks} weeks is not a positive whole number.`);
  }
  return addDays(start, 7 * weeks - 1);
}

/**
 * Whether two inclusive date ranges share at least one day. A range that ends
 * before it starts holds no day, so it overlaps nothing.
 */
export function rangesOverlap(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean {
  // Fixed-width ISO dates order correctly as strings.
  return aStart <= aEnd && bStart <= bEnd && aStart <= bEnd && bStart <= aEnd;
}

/** Every date from `from` to `to`, inclusive; empty when `to` < `from`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const days: IsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** True for `HH:MM` on a 24-hour clock, 00:00–23:59. */
export function isClockTime(s: string): boolean {
  return typeof s === 'string' && CLOCK_TIME_PATTERN.test(s);
}

function clockTimeToMinutes(time: ClockTime): number {
  const match = CLOCK_TIME_PATTERN.exec(time);
  if (!match) {
    throw new RangeError(`"${time}" is not a 24-hour time in the form HH:MM.`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

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

function wallClockAt(instantMs: number, timeZone: string): WallClock {
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
  const wall = wallClockAt(instantMs, timeZone);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wall.dayNumber * MS_PER_DAY + wall.msOfDay - wholeSecond;
}

/** True for a time-zone name the runtime's Intl knows, e.g. `Europe/Berlin` or `UTC`. */
export function isValidTimeZone(tz: string): boolean {
  // Intl also takes offsets such as "+01:00"; the product stores IANA names only.
  if (typeof tz !== 'string' || !/^[A-Za-z]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date on the wall in `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return fromDayNumber(wallClockAt(now.getTime(), timeZone).dayNumber);
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
  const wallMs = toDayNumber(date) * MS_PER_DAY + clockTimeToMinutes(time) * MS_PER_MINUTE;
  // Offsets a day either side cover both sides of any single transition.
  const offsetBefore = offsetAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wallMs + MS_PER_DAY, timeZone);

  const matches: number[] = [];
  for (const offset of new Set([offsetBefore, offsetAfter])) {
    const candidate = wallMs - offset;
    if (offsetAt(candidate, timeZone) === offset) matches.push(candidate);
  }
  if (matches.length > 0) return new Date(Math.min(...matches));

  // A gap: the offset grew across the requested time. Find the transition
  // instant, the first one whose offset is no longer the earlier offset.
  let lo = wallMs - Math.max(offsetBefore, offsetAfter);
  let hi = wallMs - Math.min(offsetBefore, offsetAfter);
  const loOffset = offsetAt(lo, timeZone);
  if (offsetAt(hi, timeZone) === loOffset) return new Date(hi);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === loOffset) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
