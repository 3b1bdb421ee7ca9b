import { isSupportedCountry } from '@stint/scheduling';
import { isClockTime, isIsoDate, isValidTimeZone } from '@stint/shared-dates';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { EARLIEST_DATE, isDateInRange, isKnownTimeZone, LATEST_DATE } from './input-gate';

function rule(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message, ...options },
        validator: { validate: (value: unknown) => test(value) },
      });
}

/** A calendar date `YYYY-MM-DD` that exists, within 2000-01-01 … 2100-12-31. */
export const IsCalendarDate = rule(
  'isCalendarDate',
  (v) => typeof v === 'string' && isIsoDate(v) && isDateInRange(v),
  `$property must be a date between ${EARLIEST_DATE} and ${LATEST_DATE}, like 2027-01-04`,
);

/** An IANA time-zone name such as Europe/Berlin that both the runtime and PostgreSQL know. */
export const IsTimeZone = rule(
  'isTimeZone',
  (v) => typeof v === 'string' && v.length <= 64 && isValidTimeZone(v) && isKnownTimeZone(v),
  '$property must be an IANA time zone such as Europe/Berlin',
);

/** A 24-hour time `HH:MM`. */
export const IsClockTime = rule(
  'isClockTime',
  (v) => typeof v === 'string' && isClockTime(v),
  '$property must be a time like 10:00',
);

/** An ISO 3166 country code that the holiday calendar knows. */
export const IsHolidayCountry = rule(
  'isHolidayCountry',
  (v) => typeof v === 'string' && /^[A-Za-z]{2}$/.test(v) && isSupportedCountry(v),
  '$property must be a two-letter country code with a known holiday calendar, e.g. DE or US',
);

/** Longest language tag accepted (RFC 5646 asks implementations to hold at least 35 characters). */
export const LOCALE_MAX_LENGTH = 35;

/** The canonical form of a BCP 47 language tag (`en-us` → `en-US`), or null when `tag` is not one. */
export function canonicalLocale(tag: string): string | null {
  if (tag.length < 2 || tag.length > LOCALE_MAX_LENGTH) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null; // RangeError: not a well-formed tag
  }
}

/** class-transformer hook: a valid tag becomes its canonical form; anything else is left for IsLocale to refuse. */
export const toCanonicalLocale = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (canonicalLocale(value.trim()) ?? value) : value;

/** A BCP 47 language tag such as en-GB or de (Intl.getCanonicalLocales accepts it). */
export const IsLocale = rule(
  'isLocale',
  (v) => typeof v === 'string' && canonicalLocale(v) !== null,
  '$property must be a BCP 47 language tag such as en-GB or de',
);
