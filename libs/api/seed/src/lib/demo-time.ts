import { addDays, isoWeekday, zonedDateTimeToInstant, type IsoDate } from '@stint/shared-dates';

/** Wall-clock times at which the demo people act. */
export const TIMES = {
  request: '11:15',
  release: '09:40',
  host: '15:20',
  cancel: '14:05',
  withdraw: '17:30',
  setup: '09:00',
} as const;

/** Instants already worked out: time-zone arithmetic is the plan's slowest part, and plans of nearby days share most. */
const instants = new Map<string, string>();

/** `time` on `date` in `timeZone`, as an ISO instant. */
export function instant(date: IsoDate, time: string, timeZone: string): string {
  const key = `${date} ${time} ${timeZone}`;
  let found = instants.get(key);
  if (found === undefined) {
    if (instants.size >= 100_000) instants.clear();
    found = zonedDateTimeToInstant(date, time, timeZone).toISOString();
    instants.set(key, found);
  }
  return found;
}

/**
 * The latest day on or before `d` from which `span` more days are all
 * Monday to Friday, so a request and its decisions happen on working days
 * (and keep their order across time zones).
 */
export function workweekStart(d: IsoDate, span: number): IsoDate {
  if (span > 4) throw new RangeError(`A span of ${span} days does not fit in a working week.`);
  let day = d;
  for (;;) {
    const dow = isoWeekday(day); // 1 = Monday … 5 = Friday
    if (dow + span <= 5) return day;
    day = addDays(day, -1);
  }
}
