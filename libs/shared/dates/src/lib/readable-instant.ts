import { dateTimeFormat } from './intl-format';
import { remembered } from './remembered';

/**
 * Instants as a person reads them, in their locale and zone, the zone named:
 * the one place the dashboard and the server name a zone, so `CET` reads the
 * same in a screen and in an email.
 */

/** Plain spaces where ICU writes narrow or non-breaking ones (`10:00 AM`), so text compares and wraps simply. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Per locale: asking a format for its resolved options costs more than formatting. */
const clockHours = remembered<Intl.DateTimeFormatOptions['hour']>(1_000);

/**
 * The hour as the locale writes it on a clock: two digits where the day runs
 * 00–23 (`09:00` en-GB, de-DE), one where it runs in halves (`9:00 AM` en-US).
 */
export function clockHour(locale: string): Intl.DateTimeFormatOptions['hour'] {
  return clockHours(locale, () => {
    const cycle = dateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
  });
}

/**
 * The zone's short name at an instant as people read it: `CET`, `CEST`, `EST`,
 * `MEZ` for a German reader, or an offset (`GMT+5:30`) where there is none.
 * Each locale names its own region's zones and writes an offset for the
 * others', so the first name in letters wins: the reader's locale first, then
 * British and American English.
 */
export function zoneAbbreviation(instant: Date, timeZone: string, locale = 'en-GB'): string {
  const nameIn = (l: string): string =>
    dateTimeFormat(l, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const lettered = (name: string): boolean => /^[A-Z]{2,5}$/.test(name);
  // Asked in turn, and only as far as needed: each asking formats the instant once (an email names 30 instants).
  const own = nameIn(locale);
  if (lettered(own)) return own;
  const british = locale === 'en-GB' ? own : nameIn('en-GB');
  if (lettered(british)) return british;
  const american = nameIn('en-US');
  return lettered(american) ? american : british;
}

/** The instants last written, by instant, zone and locale. */
const readInstants = remembered<string>(2_000);

/**
 * An instant in a zone and locale, the zone named: `Mon, 11 Jan 2027, 10:00 CET`
 * (en-GB), `Mon, Jan 11, 2027, 10:00 AM EST` (en-US), `Mo., 11. Jan. 2027, 10:00 MEZ` (de-DE).
 */
export function readableInstant(instant: Date, timeZone: string, locale = 'en-GB'): string {
  // An email names each check-in once per reader, and the readers of one email mostly share a zone and a locale.
  return readInstants(`${instant.getTime()}|${timeZone}|${locale}`, () => {
    const written = dateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: clockHour(locale),
      minute: '2-digit',
      timeZone,
    }).format(instant);
    return `${plainSpaces(written)} ${zoneAbbreviation(instant, timeZone, locale)}`;
  });
}
