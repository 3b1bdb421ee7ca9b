/**
 * Dates and instants written for people: the one formatter behind every
 * screen (PM, manager, admin, home). Everything is written in the viewer's
 * locale (their profile's, else the browser's); an instant is shown in the
 * viewer's profile zone with that zone named. A calendar date is formatted at
 * UTC midnight, so no time zone ever shifts it.
 *
 * The viewer's locale and zone live in signals, so a screen that formats in
 * its template or in a `computed` follows a change of profile at once.
 */
import { computed, signal } from '@angular/core';
import {
  clockHour,
  dateTimeFormat,
  isIsoDate,
  isValidTimeZone,
  MS_PER_DAY,
  plainSpaces,
  toDayNumber,
  zoneAbbreviation,
} from '@stint/shared-dates';

/** The locale and zone every screen writes in until the app sets the viewer's (see `setDisplayPreferences`). */
const FALLBACK = { locale: 'en-GB', timeZone: 'UTC' } as const;

const preferences = signal<{ locale: string; timeZone: string }>({ ...FALLBACK });

/** The BCP 47 tag dates are written in. */
export const displayLocale = computed(() => preferences().locale);
/** The IANA zone instants are shown in. */
export const displayZone = computed(() => preferences().timeZone);

/** `tag` when the runtime knows it as a locale, else null. */
function knownLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0 ? tag : null;
  } catch {
    return null;
  }
}

function knownZone(zone: string | null | undefined): string | null {
  return zone && isValidTimeZone(zone) ? zone : null;
}

/**
 * The viewer's locale: the profile's tag when it is one, else the browser's
 * language (`navigator.language`), else en-GB.
 */
export function resolveLocale(preferred: string | null | undefined): string {
  return knownLocale(preferred) ?? knownLocale(globalThis.navigator?.language) ?? FALLBACK.locale;
}

/** Sets the viewer's locale (null: the browser's) and zone (unknown: UTC); called at start and on every profile change. */
export function setDisplayPreferences(viewer: { locale?: string | null; timezone?: string | null }): void {
  preferences.set({ locale: resolveLocale(viewer.locale), timeZone: knownZone(viewer.timezone) ?? FALLBACK.timeZone });
}

/**
 * In the locale's own order and words, assembled from parts so every browser
 * and Node build prints the same shape. House style: no comma between the
 * weekday and a day number that follows it (`Mon 4 Jan 2027`, not `Mon, 4 Jan 2027`), and
 * plain spaces where ICU puts narrow ones (`10:00 AM`).
 */
function write(date: Date, options: Intl.DateTimeFormatOptions, locale = displayLocale()): string {
  const parts = dateTimeFormat(locale, options).formatToParts(date);
  return plainSpaces(
    parts
      .map((part, i) =>
        part.type === 'literal' && parts[i - 1]?.type === 'weekday' && parts[i + 1]?.type === 'day' ? ' ' : part.value,
      )
      .join(''),
  );
}

const WEEKDAY_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };

function writeDay(iso: string, options: Intl.DateTimeFormatOptions, locale?: string): string {
  return isIsoDate(iso) ? write(new Date(toDayNumber(iso) * MS_PER_DAY), { ...options, timeZone: 'UTC' }, locale) : iso;
}

/** `2027-01-04` → `Mon 4 Jan 2027` (en-GB), `Mon, Jan 4, 2027` (en-US), `Mo. 4. Jan. 2027` (de-DE). */
export function formatDay(iso: string, locale?: string): string {
  return writeDay(iso, WEEKDAY_DATE, locale);
}

/** Without the weekday: `4 Jan 2027` (en-GB), `Jan 4, 2027` (en-US). */
export function formatDate(iso: string, locale?: string): string {
  return writeDay(iso, { day: 'numeric', month: 'short', year: 'numeric' }, locale);
}

/** Day and month only: `4 Jan` (en-GB), `Jan 4` (en-US). */
export function formatShortDate(iso: string, locale?: string): string {
  return writeDay(iso, { day: 'numeric', month: 'short' }, locale);
}

/** `Mon 4 Jan 2027 – Sun 31 Jan 2027`; one day alone when both ends are the same. */
export function formatRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** A compact range: `4 Jan – 31 Jan 2027`, the start's year written only when it differs. */
export function formatShortRange(start: string, end: string): string {
  return `${start.slice(0, 4) === end.slice(0, 4) ? formatShortDate(start) : formatDate(start)} – ${formatDate(end)}`;
}

function validInstant(instant: string): Date | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The zone when the runtime knows it, else UTC (so a stale or odd zone never breaks a screen). */
function zoneOrUtc(timeZone: string): string {
  return knownZone(timeZone) ?? 'UTC';
}

/** The zone's short name at that instant as people read it: `CET`, `CEST`, `EST`, or `GMT+5:30` where there is none. */
export function zoneName(instant: string, timeZone: string): string {
  const date = validInstant(instant);
  return date ? zoneAbbreviation(date, zoneOrUtc(timeZone), displayLocale()) : timeZone;
}

/**
 * An instant in the viewer's zone (or the zone given), with the zone named:
 * `Tue 12 Jan 2027, 10:00 CET` (en-GB), `Tue, Jan 12, 2027, 10:00 AM EST` (en-US).
 * A dash when there is none; what is not an instant comes back unchanged.
 */
export function formatInstant(instant: string | null | undefined, timeZone = displayZone()): string {
  if (!instant) return '—';
  const date = validInstant(instant);
  if (!date) return instant;
  const zone = zoneOrUtc(timeZone);
  const shown = write(date, { ...WEEKDAY_DATE, hour: clockHour(displayLocale()), minute: '2-digit', timeZone: zone });
  return `${shown} ${zoneName(instant, zone)}`;
}

/** The same as `formatInstant`: every instant names its zone. */
export const formatInstantInZone = formatInstant;

/** The clock time alone in a zone: `10:00` (en-GB), `10:00 AM` (en-US). */
export function formatClockTime(instant: string, timeZone: string): string {
  const date = validInstant(instant);
  return date
    ? write(date, { hour: clockHour(displayLocale()), minute: '2-digit', timeZone: zoneOrUtc(timeZone) })
    : instant;
}

/** `Europe/Berlin` → `Berlin`, `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

function offsetAt(date: Date, timeZone: string): string {
  return dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .map((p) => p.value)
    .join('');
}

/**
 * Another person's local time beside the viewer's, when their clocks differ at
 * that instant: `10:00 in Berlin for Ana`; null when both zones show the same time.
 */
export function theirLocalTime(
  instant: string | null | undefined,
  theirZone: string | null | undefined,
  name: string,
  viewerZone = displayZone(),
): string | null {
  const date = instant ? validInstant(instant) : null;
  const zone = knownZone(theirZone);
  if (!date || !instant || !zone || offsetAt(date, zone) === offsetAt(date, zoneOrUtc(viewerZone))) return null;
  return `${formatClockTime(instant, zone)} in ${zoneCity(zone)} for ${name}`;
}
