import { readableDate, readableInstant, readableRange, type IsoDate } from '@stint/shared-dates';

/**
 * Who reads a date in an email: their zone, and their locale (a BCP 47 tag;
 * null or absent: en-GB). A bare zone string reads as an en-GB reader there.
 */
export type Reader = { timezone: string; locale?: string | null } | string;

function localeOf(reader: Reader): string {
  return (typeof reader === 'string' ? null : reader.locale) || 'en-GB';
}

/** An instant as the reader reads it, the zone named: "Mon, 11 Jan 2027, 10:00 CET" (en-GB), "Mon, Jan 11, 2027, 4:00 AM EST" (en-US). */
export function localTime(instant: Date, reader: Reader): string {
  return readableInstant(instant, typeof reader === 'string' ? reader : reader.timezone, localeOf(reader));
}

/** A calendar date in the reader's locale: "Mon, 4 Jan 2027" (en-GB), "Mon, Jan 4, 2027" (en-US). */
export function localDate(date: IsoDate, reader: Reader): string {
  return readableDate(date, localeOf(reader));
}

/** Two calendar dates in the reader's locale: "Mon, 4 Jan 2027 – Fri, 15 Jan 2027". */
export function localRange(start: IsoDate, end: IsoDate, reader: Reader): string {
  return readableRange(start, end, localeOf(reader));
}
