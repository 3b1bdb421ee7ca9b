/**
 * Calendar dates as `YYYY-MM-DD` strings.
 *
 * Arithmetic runs on day numbers (days since 1970-01-01) computed with the
 * proleptic Gregorian formulas, so no JS `Date` ever stands in for a calendar
 * date and no host time zone can leak in.
 */

/** A calendar date, `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;

export const MS_PER_DAY = 86_400_000;

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
/** Day number of a proleptic Gregorian date; the fields are not checked. */
export function daysFromCivil(year: number, month: number, day: number): number {
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
function parseIsoDate(s: unknown): [number, number, number] | null {
  if (typeof s !== 'string' || s.length !== 10) return null;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null; // '-'
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  if (year < 1 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-30, `null`, numbers). */
export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null;
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

/**
 * The ISO 8601 weekday: 1 = Monday … 6 = Saturday, 7 = Sunday (as in
 * Temporal's `dayOfWeek` and Luxon's `weekday`; not JS `getDay()`, where
 * Sunday is 0). This is the only weekday numbering in Stint.
 */
export function isoWeekday(d: IsoDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(d));
}

/** Same as {@link isoWeekday} for a day number (1970-01-01 was a Thursday, 4). */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before `d`: the first day of its ISO week. */
export function weekStart(d: IsoDate): IsoDate {
  const n = toDayNumber(d);
  return fromDayNumber(n - (isoWeekdayOfDayNumber(n) - 1));
}
