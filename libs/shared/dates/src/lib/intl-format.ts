const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, kept (building one costs
 * about 0.1 ms). An unknown or malformed locale falls back to en-GB, and an
 * unknown zone to UTC, so formatting a date never throws.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      try {
        format = new Intl.DateTimeFormat('en-GB', options);
      } catch {
        format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
      }
    }
    formats.set(key, format);
  }
  return format;
}
