import { addDays, fromDayNumber, toDayNumber, type IsoDate } from './calendar';

/**
 * Inclusive end date of a stint of `weeks` weeks starting on `start`
 * (the product rule: start + 7 × weeks − 1).
 */
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
