const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function assemble(format: Intl.DateTimeFormat, date: Date, withTime: boolean): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const day = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return withTime ? `${day}, ${part('hour')}:${part('minute')}` : day;
}

/** `2027-01-04` → `Mon 4 Jan 2027` (calendar dates never go through local time). */
export function formatDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? assemble(DAY_FORMAT, new Date(`${iso}T00:00:00Z`), false) : iso;
}

export function formatRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** An instant in the reader's time zone. */
export function formatInstant(instant: string | null, timeZone: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
  return assemble(format, date, true);
}

/** Every IANA zone the browser knows, UTC first (some engines leave it out of the list). */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}

export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** How late a job ran (ranAt − dueAt in ms), in words: `on time`, `45 s late`, `2 h 5 min late`, `3 d 4 h late`. */
export function formatLateness(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return 'on time';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.floor(ms / 1000)} s late`;
  if (minutes < 60) return `${minutes} min late`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min late` : `${hours} h late`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h late` : `${days} d late`;
}
