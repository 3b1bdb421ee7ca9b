import type { ErrorCode } from './errors';
import type { AvailabilityDay, SlotSuggestion } from './programme';

/** The booking rules, in the order approving checks them. */
export const BOOKING_RULES = ['team', 'duration', 'start', 'blackout', 'pm_overlap', 'capacity'] as const;
export type BookingRule = (typeof BOOKING_RULES)[number];

/** The error approving answers when a rule fails (api.md, "Errors"). */
export const BOOKING_RULE_CODES = {
  team: 'TEAM_INACTIVE',
  duration: 'DURATION_OUT_OF_POLICY',
  start: 'START_IN_PAST',
  blackout: 'BLACKOUT',
  pm_overlap: 'PM_OVERLAP',
  capacity: 'CAPACITY_FULL',
} as const satisfies Record<BookingRule, ErrorCode>;
export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[BookingRule];

/** One rule's verdict on a request's dates. */
export interface RuleCheckResult {
  rule: BookingRule;
  /** The error approving answers when this rule fails. */
  code: BookingRuleCode | 'START_NOT_BUSINESS_DAY' | 'START_TOO_SOON';
  ok: boolean;
  /** A sentence for the approver: what holds, or what is wrong and what to do. */
  message: string;
  /** The figures behind the verdict; when it fails, also the details the error would carry. */
  details: Record<string, unknown>;
}

/** The host team's load over the request's days, the request itself left out. */
export interface RuleCheckAvailability {
  capacity: number;
  /** Most placements booked on one day of the range. */
  peakBooked: number;
  /** Days on which one more placement would exceed capacity. */
  fullDays: string[];
  /** Days in a team or global blackout. */
  blackoutDays: string[];
  /** One per day of the range, as `GET /api/teams/:id/availability` answers. */
  days: AvailabilityDay[];
}

/** `GET /api/rotation-requests/:id/rule-check`: what approving would find, checked now. */
export interface RuleCheck {
  requestId: string;
  startDate: string;
  endDate: string;
  /** Today in the host team's time zone, the day the start is judged against. */
  today: string;
  /** Every rule passes: approving now would not fail on a rule. */
  ok: boolean;
  checks: RuleCheckResult[];
  availability: RuleCheckAvailability;
  /** When a rule fails, the next free slots in the same team for this PM and duration (up to 3); else empty. */
  suggestions: SlotSuggestion[];
}
