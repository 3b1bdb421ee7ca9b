import {
  BOOKING_RULE_CODES,
  BOOKING_RULES,
  type AvailabilityDay,
  type BookingRule,
  type RuleCheck,
  type RuleCheckAvailability,
  type RuleCheckResult,
} from '@stint/contracts';
import { blackoutAppliesTo, dailyLoad, type RuleCode } from '@stint/scheduling';
import { eachDay, readableDate } from '@stint/shared-dates';
import type { Judgement } from './booking-rules.service';

const RULE_BY_CODE = {
  ...Object.fromEntries(BOOKING_RULES.map((rule) => [BOOKING_RULE_CODES[rule], rule])),
  // A start being chosen is also judged by these; approving never is.
  START_NOT_BUSINESS_DAY: 'start',
  START_TOO_SOON: 'start',
} as Record<RuleCode, BookingRule>;

function weeks(n: number): string {
  return n === 1 ? '1 week' : `${n} weeks`;
}

/** The host team's load and blackouts on each day of the judged range, from the same facts the rules saw. */
export function availabilityOf(judgement: Judgement, startDate: string): RuleCheckAvailability {
  const { facts, endDate } = judgement;
  const { team } = facts;
  const loads = dailyLoad(facts.teamBookings, startDate, endDate);
  const blackouts = facts.blackouts.filter((b) => blackoutAppliesTo(b, team.id));
  const days: AvailabilityDay[] = eachDay(startDate, endDate).map((date, i) => ({
    date,
    booked: loads[i] ?? 0,
    capacity: team.capacity,
    blackout: blackouts.some((b) => b.startsOn <= date && date <= b.endsOn),
  }));
  return {
    capacity: team.capacity,
    peakBooked: days.reduce((peak, d) => Math.max(peak, d.booked), 0),
    // The capacity rule's own test: one more placement on that day would exceed capacity.
    fullDays: days.filter((d) => d.booked + 1 > d.capacity).map((d) => d.date),
    blackoutDays: days.filter((d) => d.blackout).map((d) => d.date),
    days,
  };
}

/**
 * Every rule's verdict on a judged request, passing ones included. The
 * verdicts are the violations `checkBooking` found, nothing recomputed: a
 * rule fails here exactly when approving would fail on it. A failing rule's
 * details are the error's details on top of the figures shown when it passes.
 */
export function describeRuleCheck(
  requestId: string,
  candidate: { startDate: string; durationWeeks: number },
  judgement: Judgement,
): Omit<RuleCheck, 'suggestions'> {
  const { facts, endDate, violations } = judgement;
  const { startDate, durationWeeks } = candidate;
  const { team, policy, today } = facts;
  const availability = availabilityOf(judgement, startDate);
  const { capacity, peakBooked, fullDays } = availability;
  const range = { startDate, endDate };
  const passing: Record<BookingRule, { message: string; details: Record<string, unknown> }> = {
    team: { message: 'The team is active and takes rotations.', details: { teamId: team.id, active: team.active } },
    duration: {
      message: `A rotation of ${weeks(durationWeeks)} is within the policy (${policy.minWeeks} to ${policy.maxWeeks} weeks).`,
      details: { durationWeeks, minWeeks: policy.minWeeks, maxWeeks: policy.maxWeeks },
    },
    start: {
      message: `It starts on ${readableDate(startDate)}, not before today (${readableDate(today)}) in the team's time zone.`,
      details: { startDate, today },
    },
    blackout: {
      message: 'None of these days is in a team or global blackout.',
      details: { ...range, blackouts: [] },
    },
    pm_overlap: {
      message: 'The PM has no other placement or pending request on these days.',
      details: { ...range, conflicts: [] },
    },
    capacity: {
      message: `At most ${peakBooked} of ${capacity} places are booked on any day of these dates.`,
      details: { capacity, peakBooked, fullDays },
    },
  };
  const checks: RuleCheckResult[] = BOOKING_RULES.map((rule) => {
    const broken = violations.find((v) => RULE_BY_CODE[v.code] === rule);
    const pass = passing[rule];
    return {
      rule,
      code: broken ? (broken.code as RuleCheckResult['code']) : BOOKING_RULE_CODES[rule],
      ok: !broken,
      message: broken ? broken.message : pass.message,
      details: broken ? { ...pass.details, ...broken.details } : pass.details,
    };
  });
  return { requestId, startDate, endDate, today, ok: violations.length === 0, checks, availability };
}
