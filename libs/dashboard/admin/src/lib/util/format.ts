export { isTimeZone, timeZones } from '@stint/dashboard-ui';
/** Dates on the admin's screens: the shared display formats, and the admin's own helpers. */
export { formatDay, formatInstant, formatRange } from '@stint/dashboard-ui';

/** Every IANA zone the browser knows, UTC first (some engines leave it out of the list). */
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
