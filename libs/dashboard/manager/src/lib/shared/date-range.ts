import { addDays, isIsoDate, weekStart, type IsoDate } from '@stint/shared-dates';
import { param, type QuerySpec } from './query-params';

/** An optional date range a screen filters by; either end may be open. */
export interface DateRange {
  from: IsoDate | null;
  to: IsoDate | null;
}

/** `?from=…&to=…` for a screen's query spec; a malformed date reads as an open end. */
export const DATE_RANGE_PARAMS: QuerySpec<DateRange> = {
  from: param.date(null),
  to: param.date(null),
};

/** What a date field holds after a change: a whole date, or null when it was cleared or is incomplete. */
export function inputDate(value: string | null): IsoDate | null {
  return value !== null && isIsoDate(value) ? value : null;
}

/** The Monday of the week a date field holds, or null when it holds no whole date. */
export function inputWeek(value: string | null): IsoDate | null {
  const date = inputDate(value);
  return date === null ? null : weekStart(date);
}

/** The start of the window `direction` windows of `weeks` weeks later (1) or earlier (-1). */
export function shiftWindow(from: IsoDate, weeks: number, direction: number): IsoDate {
  return addDays(from, direction * weeks * 7);
}
