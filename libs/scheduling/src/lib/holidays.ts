import * as dateHolidaysModule from 'date-holidays';
import { addDays, isIsoDate, MS_PER_DAY, type HolidayCalendar, type IsoDate } from '@stint/shared-dates';

type HolidaysClass = typeof import('date-holidays').default;
type HolidaysInstance = InstanceType<HolidaysClass>;

// date-holidays ships CommonJS (`module.exports = Holidays`) for require and
// ES modules for import. Reading `.default` with a fallback works whether the
// consumer compiles with esModuleInterop (the apps), without it (this
// library's Jest), or bundles the ES build (the dashboard).
const Holidays: HolidaysClass =
  (dateHolidaysModule as unknown as { default?: HolidaysClass }).default ??
  (dateHolidaysModule as unknown as HolidaysClass);

let supportedCountries: Set<string> | undefined;

function countryCodes(): Set<string> {
  if (!supportedCountries) {
    supportedCountries = new Set(Object.keys(new Holidays().getCountries()));
  }
  return supportedCountries;
}

function normalizeCountry(code: string): string {
  return code.trim().toUpperCase();
}

/** True when date-holidays knows the ISO 3166-1 alpha-2 country (case-insensitive). */
export function isSupportedCountry(code: string): boolean {
  if (typeof code !== 'string') return false;
  const normalized = normalizeCountry(code);
  return /^[A-Z]{2}$/.test(normalized) && countryCodes().has(normalized);
}

const HOLIDAY_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(?: ([+-])(\d{2})(\d{2}))?$/;
const MS_PER_HOUR = 3_600_000;

/**
 * The calendar dates a holiday covers. date-holidays gives `date` as the
 * local start, "YYYY-MM-DD hh:mm:ss", where a trailing "-0600" (Islamic
 * holidays) means it begins six hours early, on the evening before; the day
 * part is the holiday's date. Some holidays last several days (Russia's New
 * Year holidays, Eid), so every day the holiday reaches into counts, with an
 * hour of slack for a daylight-saving change inside it.
 */
function daysCovered(holiday: { date: string; start: Date; end: Date }): IsoDate[] {
  const match = HOLIDAY_DATE_PATTERN.exec(holiday.date);
  const first = holiday.date.slice(0, 10);
  if (!match || !isIsoDate(first)) return [];
  const [, , hh, mm, ss, sign, offH, offM] = match;
  const shiftMs = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) * 60_000;
  const startMsIntoDay = (Number(hh) * 3600 + Number(mm) * 60 + Number(ss)) * 1000 + shiftMs;
  const endMsFromFirstMidnight = startMsIntoDay + (holiday.end.getTime() - holiday.start.getTime());
  const days = Math.max(1, Math.ceil((endMsFromFirstMidnight - MS_PER_HOUR) / MS_PER_DAY));
  const covered: IsoDate[] = [];
  for (let k = 0; k < days; k++) covered.push(addDays(first, k));
  return covered;
}

const instances = new Map<string, HolidaysInstance>();
/** Public holidays per `${country}:${year}`, as the dates that fall in that year. */
const publicHolidaysByYear = new Map<string, ReadonlySet<IsoDate>>();

function instanceFor(country: string): HolidaysInstance {
  let instance = instances.get(country);
  if (!instance) {
    instance = new Holidays(country);
    instances.set(country, instance);
  }
  return instance;
}

function publicHolidayDates(country: string, year: number): ReadonlySet<IsoDate> {
  const key = `${country}:${year}`;
  let dates = publicHolidaysByYear.get(key);
  if (!dates) {
    const collected = new Set<IsoDate>();
    const prefix = `${String(year).padStart(4, '0')}-`;
    // A substitute day can land in the neighbouring year (the US observes
    // New Year's Day 2028, a Saturday, on Friday 2027-12-31 and lists it
    // under 2028), so the neighbours' lists are read too.
    for (const listYear of [year - 1, year, year + 1]) {
      for (const holiday of instanceFor(country).getHolidays(listYear)) {
        if (holiday.type !== 'public') continue;
        for (const date of daysCovered(holiday)) {
          if (date.startsWith(prefix)) collected.add(date);
        }
      }
    }
    dates = collected;
    publicHolidaysByYear.set(key, dates);
  }
  return dates;
}

/**
 * A calendar of the public holidays (date-holidays type `public`, which
 * includes substitute days) of `country`. No country means no holidays.
 * Throws a RangeError for a country date-holidays does not know.
 */
export function createHolidayCalendar(country: string | null | undefined): HolidayCalendar {
  if (country === null || country === undefined || country.trim() === '') {
    return () => false;
  }
  const normalized = normalizeCountry(country);
  if (!isSupportedCountry(normalized)) {
    throw new RangeError(`No public holiday calendar is known for country "${country}".`);
  }
  return (d: IsoDate) => {
    if (!isIsoDate(d)) {
      throw new RangeError(`"${d}" is not a calendar date in the form YYYY-MM-DD.`);
    }
    return publicHolidayDates(normalized, Number(d.slice(0, 4))).has(d);
  };
}
