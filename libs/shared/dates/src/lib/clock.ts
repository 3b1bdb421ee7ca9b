/** A wall-clock time, `HH:MM` on a 24-hour clock. */
export type ClockTime = string;

const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for `HH:MM` on a 24-hour clock, 00:00–23:59. */
export function isClockTime(s: string): boolean {
  return typeof s === 'string' && CLOCK_TIME_PATTERN.test(s);
}

/** Minutes since midnight of `HH:MM`; throws a RangeError for anything else. */
export function clockTimeToMinutes(time: ClockTime): number {
  const match = CLOCK_TIME_PATTERN.exec(time);
  if (!match) {
    throw new RangeError(`"${time}" is not a 24-hour time in the form HH:MM.`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}
