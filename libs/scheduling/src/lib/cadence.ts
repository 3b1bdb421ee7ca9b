import {
  addDays,
  endDateFor,
  nextBusinessDay,
  previousBusinessDay,
  zonedDateTimeToInstant,
  type HolidayCalendar,
  type IsoDate,
} from '@stint/shared-dates';
import type { Policy } from './policy';

export type CheckInKind = 'kickoff' | 'weekly' | 'midpoint' | 'final' | 'follow_up' | 'pulse';

export interface PlannedCheckIn {
  kind: CheckInKind;
  /** The business day it happens on. */
  date: IsoDate;
  /** `policy.checkinTime` on `date` in the PM's time zone. */
  scheduledAt: Date;
  /** 0-based position in the plan. */
  sequence: number;
}

export interface CheckInPlanInput {
  startDate: IsoDate;
  durationWeeks: number;
  policy: Policy;
  /** IANA zone of the PM, whose wall clock shows `policy.checkinTime`. */
  pmTimeZone: string;
  /** Public holidays of the team's `holidayCountry`. */
  isHoliday: HolidayCalendar;
}

/**
 * The W + 3 check-ins of a stint of W weeks from S to E: kickoff on S, a
 * weekly one on S + 7k for k = 1 … W−1 (the one at k = ⌊W/2⌋ being the
 * midpoint when W ≥ 2), the final on E, a follow-up `followUpDays` after E,
 * and the line manager's pulse `pulseAfterDays` after E.
 * One landing on a weekend or holiday moves to the next business day, except
 * the final, which moves back so it still falls inside the stint.
 * Sorted by date; `sequence` numbers them in that order.
 */
export function planCheckIns(input: CheckInPlanInput): PlannedCheckIn[] {
  const { startDate, durationWeeks: weeks, policy, pmTimeZone, isHoliday } = input;
  const endDate = endDateFor(startDate, weeks);
  if (!Number.isInteger(policy.followUpDays) || policy.followUpDays < 0) {
    throw new RangeError(`followUpDays ${policy.followUpDays} is not a whole number of days, 0 or more.`);
  }

  const planned: Array<{ kind: CheckInKind; date: IsoDate }> = [
    { kind: 'kickoff', date: nextBusinessDay(startDate, isHoliday) },
  ];
  const midpointWeek = weeks >= 2 ? Math.floor(weeks / 2) : -1;
  for (let k = 1; k < weeks; k++) {
    planned.push({
      kind: k === midpointWeek ? 'midpoint' : 'weekly',
      date: nextBusinessDay(addDays(startDate, 7 * k), isHoliday),
    });
  }
  planned.push({
    kind: 'final',
    date: previousBusinessDay(endDate, isHoliday),
  });
  planned.push({
    kind: 'follow_up',
    date: nextBusinessDay(addDays(endDate, policy.followUpDays), isHoliday),
  });
  planned.push({
    kind: 'pulse',
    date: nextBusinessDay(addDays(endDate, policy.pulseAfterDays), isHoliday),
  });

  // Shifts can reorder neighbours only around long holidays; the stable sort
  // keeps the cadence order for check-ins that land on the same day.
  return planned
    .map((checkIn, order) => ({ ...checkIn, order }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
    .map(({ kind, date }, sequence) => ({
      kind,
      date,
      scheduledAt: zonedDateTimeToInstant(date, policy.checkinTime, pmTimeZone),
      sequence,
    }));
}
