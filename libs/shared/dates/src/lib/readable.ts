import { isIsoDate, MS_PER_DAY, toDayNumber, type IsoDate } from './calendar';
import { dateTimeFormat } from './intl-format';
import { remembered } from './remembered';

const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
};

/** The dates last written, by date and locale. */
const readDates = remembered<string>(2_000);

/**
 * A calendar date as a person reads it, in their locale: `2027-01-04` →
 * `Mon, 4 Jan 2027` (en-GB), `Mon, Jan 4, 2027` (en-US), `Mo., 4. Jan. 2027`
 * (de-DE). Formatted at UTC midnight, so no time zone can shift the day.
 * Anything that is not a date comes back unchanged.
 */
export function readableDate(iso: IsoDate, locale = 'en-GB'): string {
  if (!isIsoDate(iso)) return iso;
  return readDates(`${iso}|${locale}`, () =>
    dateTimeFormat(locale, DAY).format(new Date(toDayNumber(iso) * MS_PER_DAY)),
  );
}

/** Two dates as a range (`Mon, 4 Jan 2027 – Fri, 15 Jan 2027`); one date alone when both are the same. */
export function readableRange(start: IsoDate, end: IsoDate, locale = 'en-GB'): string {
  return start === end ? readableDate(start, locale) : `${readableDate(start, locale)} – ${readableDate(end, locale)}`;
}
