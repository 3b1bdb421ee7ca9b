import { isIsoDate, MS_PER_DAY, toDayNumber, type IsoDate } from './calendar';
import { dateTimeFormat } from './intl-format';

const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
};

/** The dates last written, by date and locale; cleared when full, so it stays small. */
const readDates = new Map<string, string>();
const READ_DATES_KEPT = 2_000;

/**
 * A calendar date as a person reads it, in their locale: `2027-01-04` →
 * `Mon, 4 Jan 2027` (en-GB), `Mon, Jan 4, 2027` (en-US), `Mo., 4. Jan. 2027`
 * (de-DE). Formatted at UTC midnight, so no time zone can shift the day.
 * Anything that is not a date comes back unchanged.
 */
export function readableDate(iso: IsoDate, locale = 'en-GB'): string {
  const key = `${iso}|${locale}`;
  let text = readDates.get(key);
  if (text === undefined) {
    if (!isIsoDate(iso)) return iso;
    text = dateTimeFormat(locale, DAY).format(new Date(toDayNumber(iso) * MS_PER_DAY));
    if (readDates.size >= READ_DATES_KEPT) readDates.clear();
    readDates.set(key, text);
  }
  return text;
}

/** Two dates as a range (`Mon, 4 Jan 2027 – Fri, 15 Jan 2027`); one date alone when both are the same. */
export function readableRange(start: IsoDate, end: IsoDate, locale = 'en-GB'): string {
  return start === end ? readableDate(start, locale) : `${readableDate(start, locale)} – ${readableDate(end, locale)}`;
}
