export {
  addDays,
  diffDays,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  isoWeekdayOfDayNumber,
  MS_PER_DAY,
  toDayNumber,
  weekStart,
  type IsoDate,
} from './lib/calendar';
export { eachDay, endDateFor, maxDate, minDate, rangesOverlap } from './lib/ranges';
export {
  isBusinessDay,
  isWeekend,
  nextBusinessDay,
  previousBusinessDay,
  type HolidayCalendar,
} from './lib/business-days';
export { readableDate, readableRange } from './lib/readable';
export { dateTimeFormat } from './lib/intl-format';
export { clockHour, plainSpaces, readableInstant, zoneAbbreviation } from './lib/readable-instant';
export { isClockTime, type ClockTime } from './lib/clock';
export {
  instantDate,
  instantToZonedDateTime,
  isValidTimeZone,
  localDate,
  timeZoneOrUtc,
  todayIn,
  zonedDateTimeToInstant,
  zoneOffsetMs,
} from './lib/zones';
