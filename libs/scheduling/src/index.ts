export * from './lib/holidays';
export * from './lib/policy';
export * from './lib/rules';
export * from './lib/slots';
export * from './lib/cadence';

// Moved to @stint/shared-dates (issue 12). Re-exported by name only so code
// written against the old home keeps compiling while it moves; import them
// from '@stint/shared-dates'. `dayOfWeek` (0 = Sunday) is gone on purpose:
// use `isoWeekday` (1 = Monday … 7 = Sunday).
export {
  addDays,
  diffDays,
  eachDay,
  endDateFor,
  fromDayNumber,
  isBusinessDay,
  isClockTime,
  isIsoDate,
  isValidTimeZone,
  isWeekend,
  maxDate,
  minDate,
  MS_PER_DAY,
  nextBusinessDay,
  previousBusinessDay,
  rangesOverlap,
  toDayNumber,
  todayIn,
  weekStart,
  zonedDateTimeToInstant,
  type ClockTime,
  type HolidayCalendar,
  type IsoDate,
} from '@stint/shared-dates';
