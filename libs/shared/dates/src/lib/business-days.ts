import { addDays, isoWeekday, type IsoDate } from './calendar';

/**
 * The holidays to skip, as a membership test: true when `d` is a holiday.
 * The answer must not change between calls. `@stint/scheduling` builds one
 * from a country's public holidays (`createHolidayCalendar`); for a fixed set,
 * pass `(d) => set.has(d)`.
 */
export type HolidayCalendar = (d: IsoDate) => boolean;

/** How far a business-day search may walk before giving up. */
const MAX_BUSINESS_DAY_SEARCH = 366;

/** Saturday or Sunday. */
export function isWeekend(d: IsoDate): boolean {
  return isoWeekday(d) >= 6;
}

/** Neither a Saturday, a Sunday nor a holiday. */
export function isBusinessDay(d: IsoDate, isHoliday: HolidayCalendar): boolean {
  return !isWeekend(d) && !isHoliday(d);
}

function walkToBusinessDay(d: IsoDate, isHoliday: HolidayCalendar, step: 1 | -1): IsoDate {
  let current = d;
  for (let i = 0; i <= MAX_BUSINESS_DAY_SEARCH; i++) {
    if (isBusinessDay(current, isHoliday)) return current;
    current = addDays(current, step);
  }
  throw new RangeError(`No business day within ${MAX_BUSINESS_DAY_SEARCH} days ${step > 0 ? 'after' : 'before'} ${d}.`);
}

/** `d` itself when it is a business day, otherwise the next one. */
export function nextBusinessDay(d: IsoDate, isHoliday: HolidayCalendar): IsoDate {
  return walkToBusinessDay(d, isHoliday, 1);
}

/** `d` itself when it is a business day, otherwise the one before. */
export function previousBusinessDay(d: IsoDate, isHoliday: HolidayCalendar): IsoDate {
  return walkToBusinessDay(d, isHoliday, -1);
}
