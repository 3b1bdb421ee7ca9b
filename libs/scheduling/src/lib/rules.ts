import {
  addDays,
  endDateFor,
  fromDayNumber,
  isBusinessDay,
  isWeekend,
  nextBusinessDay,
  rangesOverlap,
  readableDate,
  readableRange,
  toDayNumber,
  type HolidayCalendar,
  type IsoDate,
} from '@stint/shared-dates';
import { MAX_POLICY_WEEKS, type Policy } from './policy';

export type RuleCode =
  | 'DURATION_OUT_OF_POLICY'
  | 'START_IN_PAST'
  | 'START_NOT_BUSINESS_DAY'
  | 'START_TOO_SOON'
  | 'TEAM_INACTIVE'
  | 'BLACKOUT'
  | 'PM_OVERLAP'
  | 'CAPACITY_FULL';

export interface RuleViolation {
  code: RuleCode;
  /** A sentence for the user that says what to do next. */
  message: string;
  details: Record<string, unknown>;
}

/** An inclusive range of calendar dates. */
export interface DateRange {
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface BlackoutRange {
  id?: string;
  /** null: a global blackout, for every team. */
  teamId: string | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason?: string;
}

export interface TeamFacts {
  id: string;
  capacity: number;
  active: boolean;
}

export interface BookingFacts {
  team: TeamFacts;
  /** The team's blackouts and the global ones; blackouts of other teams are ignored. */
  blackouts: BlackoutRange[];
  /** The PM's other live placements and pending requests. */
  pmBusy: DateRange[];
  /** Booked placements of the team, excluding the one being moved. */
  teamBookings: DateRange[];
  policy: Policy;
  /** Today in the team's time zone. */
  today: IsoDate;
  /** The team's public holidays; a team without a holiday country has none. */
  isHoliday: HolidayCalendar;
}

export interface BookingRequest {
  startDate: IsoDate;
  durationWeeks: number;
  /**
   * True when the start was chosen earlier and is only being confirmed
   * (approving a request, accepting a waitlist offer): the business-day and
   * lead-time rules judged it when it was chosen, and the days spent waiting
   * for approval must not turn it down.
   */
  confirming?: boolean;
}

/**
 * The first start a booking chosen today may have: `minLeadDays` business
 * days after today, moved to a business day. With no lead time it is the
 * first business day from today on.
 */
export function earliestStart(today: IsoDate, minLeadDays: number, isHoliday: HolidayCalendar): IsoDate {
  let day = today;
  for (let counted = 0; counted < minLeadDays; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day, isHoliday)) counted++;
  }
  return nextBusinessDay(day, isHoliday);
}

/** Why `startDate` may not start a placement, or null when it may (a business day, far enough ahead). */
function startViolation(facts: BookingFacts, startDate: IsoDate): RuleViolation | null {
  const { today, isHoliday, policy } = facts;
  if (!isBusinessDay(startDate, isHoliday)) {
    const reason = isWeekend(startDate) ? 'weekend' : 'holiday';
    const next = nextBusinessDay(startDate, isHoliday);
    return {
      code: 'START_NOT_BUSINESS_DAY',
      message: `${readableDate(startDate)} is ${reason === 'weekend' ? 'a weekend day' : "a public holiday in the team's country"}. Rotations start on a business day of the host team; the next one is ${readableDate(next)}.`,
      details: { startDate, reason, nextBusinessDay: next },
    };
  }
  if (policy.minLeadDays > 0) {
    const earliest = earliestStart(today, policy.minLeadDays, isHoliday);
    if (startDate < earliest) {
      const days = policy.minLeadDays === 1 ? '1 business day' : `${policy.minLeadDays} business days`;
      return {
        code: 'START_TOO_SOON',
        message: `A rotation starts at least ${days} after it is requested, so that the line manager and the host can both approve it. The earliest start is ${readableDate(earliest)}.`,
        details: { startDate, today, earliest, minLeadDays: policy.minLeadDays },
      };
    }
  }
  return null;
}

/** Whether a blackout applies to the team: its own, or a global one. */
export function blackoutAppliesTo(blackout: BlackoutRange, teamId: string): boolean {
  return blackout.teamId === null || blackout.teamId === teamId;
}

/**
 * Whether `durationWeeks` is a whole number of weeks inside the policy (and,
 * whatever the policy says, from 1 to {@link MAX_POLICY_WEEKS}).
 */
export function isDurationInPolicy(durationWeeks: number, policy: Policy): boolean {
  return (
    Number.isInteger(durationWeeks) &&
    durationWeeks >= Math.max(1, policy.minWeeks) &&
    durationWeeks <= Math.min(MAX_POLICY_WEEKS, policy.maxWeeks)
  );
}

/**
 * How many of `bookings` cover each day from `from` to `to` (inclusive),
 * index 0 being `from`. A sweep over a difference array: O(days + bookings).
 * Ranges that end before they start cover nothing.
 */
export function dailyLoad(bookings: DateRange[], from: IsoDate, to: IsoDate): number[] {
  const first = toDayNumber(from);
  const length = toDayNumber(to) - first + 1;
  if (length <= 0) return [];
  const delta = new Array<number>(length + 1).fill(0);
  for (const booking of bookings) {
    // Ternaries, not Math.max/min: this runs for every booking of every team.
    const rawStart = toDayNumber(booking.startDate) - first;
    const rawEnd = toDayNumber(booking.endDate) - first;
    const start = rawStart > 0 ? rawStart : 0;
    const end = rawEnd < length - 1 ? rawEnd : length - 1;
    if (start > end) continue;
    delta[start] = (delta[start] ?? 0) + 1;
    delta[end + 1] = (delta[end + 1] ?? 0) - 1;
  }
  const load = new Array<number>(length);
  let running = 0;
  for (let i = 0; i < length; i++) {
    running += delta[i] ?? 0;
    load[i] = running;
  }
  return load;
}

/** The most bookings on any one day from `from` to `to`; 0 for an empty range. */
export function peakLoad(bookings: DateRange[], from: IsoDate, to: IsoDate): number {
  let peak = 0;
  for (const load of dailyLoad(bookings, from, to)) peak = Math.max(peak, load);
  return peak;
}

function describeRange(startDate: IsoDate, endDate: IsoDate): string {
  return startDate === endDate
    ? `on ${readableDate(startDate)}`
    : `from ${readableRange(startDate, endDate).replace(' – ', ' to ')}`;
}

function weeksLabel(n: number): string {
  return n === 1 ? '1 week' : `${n} weeks`;
}

/**
 * Every booking rule `req` breaks, in the order TEAM_INACTIVE,
 * DURATION_OUT_OF_POLICY, START_IN_PAST (or, for a start being chosen,
 * START_NOT_BUSINESS_DAY or START_TOO_SOON), BLACKOUT, PM_OVERLAP, CAPACITY_FULL.
 * Empty when the booking may go ahead.
 *
 * The date-range rules (blackout, overlap, capacity) need a range, so they
 * are skipped when the duration is not a whole number of weeks from 1 to
 * {@link MAX_POLICY_WEEKS}; that case already reports DURATION_OUT_OF_POLICY.
 * Throws a RangeError when `req.startDate` or `facts.today` is not a date.
 */
export function checkBooking(facts: BookingFacts, req: BookingRequest): RuleViolation[] {
  const { team, policy, today } = facts;
  const { startDate, durationWeeks } = req;
  toDayNumber(startDate);
  toDayNumber(today);
  const violations: RuleViolation[] = [];

  if (!team.active) {
    violations.push({
      code: 'TEAM_INACTIVE',
      message: 'This team is not hosting rotations at the moment. Pick an active team.',
      details: { teamId: team.id },
    });
  }

  if (!isDurationInPolicy(durationWeeks, policy)) {
    const allowed = `Pick a whole number of weeks from ${policy.minWeeks} to ${policy.maxWeeks}.`;
    violations.push({
      code: 'DURATION_OUT_OF_POLICY',
      message: Number.isInteger(durationWeeks)
        ? `A rotation of ${weeksLabel(durationWeeks)} is outside the policy. ${allowed}`
        : `A rotation must last whole weeks, not ${durationWeeks}. ${allowed}`,
      details: {
        durationWeeks,
        minWeeks: policy.minWeeks,
        maxWeeks: policy.maxWeeks,
      },
    });
  }

  if (startDate < today) {
    violations.push({
      code: 'START_IN_PAST',
      message: `The start date ${readableDate(startDate)} has already passed in the team's time zone. Pick a start date on or after ${readableDate(today)}.`,
      details: { startDate, today },
    });
  } else if (!req.confirming) {
    const violation = startViolation(facts, startDate);
    if (violation) violations.push(violation);
  }

  const hasRange = Number.isInteger(durationWeeks) && durationWeeks >= 1 && durationWeeks <= MAX_POLICY_WEEKS;
  if (!hasRange) return violations;
  const endDate = endDateFor(startDate, durationWeeks);

  const blackouts = facts.blackouts.filter(
    (b) => blackoutAppliesTo(b, team.id) && rangesOverlap(startDate, endDate, b.startsOn, b.endsOn),
  );
  if (blackouts.length > 0) {
    const listed = blackouts
      .map((b) => `${describeRange(b.startsOn, b.endsOn)}${b.reason ? ` (${b.reason})` : ''}`)
      .join('; ');
    violations.push({
      code: 'BLACKOUT',
      message: `The team is unavailable ${listed}. Pick dates outside ${blackouts.length === 1 ? 'this blackout' : 'these blackouts'}.`,
      details: { startDate, endDate, blackouts },
    });
  }

  const conflicts = facts.pmBusy.filter((r) => rangesOverlap(startDate, endDate, r.startDate, r.endDate));
  if (conflicts.length > 0) {
    const listed = conflicts.map((r) => describeRange(r.startDate, r.endDate)).join('; ');
    violations.push({
      code: 'PM_OVERLAP',
      message: `The PM already has a placement or pending request ${listed}. Pick dates that do not overlap ${conflicts.length === 1 ? 'it' : 'them'}.`,
      details: { startDate, endDate, conflicts },
    });
  }

  const loads = dailyLoad(facts.teamBookings, startDate, endDate);
  const fullAt = loads.findIndex((booked) => booked + 1 > team.capacity);
  if (fullAt >= 0) {
    const date = fromDayNumber(toDayNumber(startDate) + fullAt);
    const booked = loads[fullAt] ?? 0;
    violations.push({
      code: 'CAPACITY_FULL',
      message: `The team is full on ${readableDate(date)} (${booked} of ${team.capacity} places booked). Pick another start date or another team.`,
      details: { date, booked, capacity: team.capacity },
    });
  }

  return violations;
}
