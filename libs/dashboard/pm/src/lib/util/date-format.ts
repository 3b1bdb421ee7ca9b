/** Dates on the PM's screens: the shared display formats, and the PM's own labels. */
export { formatDay, formatInstant, formatRange, theirLocalTime } from '@stint/dashboard-ui';

export function weeksLabel(weeks: number): string {
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}
