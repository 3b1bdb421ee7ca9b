import { ApiError } from '@stint/api-core';
import type { SlotSuggestion } from '@stint/contracts';
import type { RuleCode, RuleViolation } from '@stint/scheduling';
import { readableDate } from '@stint/shared-dates';
import { QueryFailedError } from 'typeorm';

const STATUS: Record<RuleCode, number> = {
  PM_OVERLAP: 409,
  CAPACITY_FULL: 409,
  BLACKOUT: 422,
  DURATION_OUT_OF_POLICY: 422,
  START_IN_PAST: 422,
  START_NOT_BUSINESS_DAY: 422,
  START_TOO_SOON: 422,
  TEAM_INACTIVE: 422,
};

/** The first broken rule becomes the error; every broken rule is listed in details.violations. */
export function ruleError(violations: RuleViolation[]): ApiError {
  const [first] = violations;
  if (!first) throw new Error('ruleError needs at least one violation');
  return new ApiError(STATUS[first.code], first.code, first.message, {
    ...first.details,
    violations: violations.map((v) => ({ code: v.code, message: v.message })),
  });
}

/**
 * A CAPACITY_FULL error again, its message completed with what happens next
 * and the next free starts in words, and those slots added as details.suggestions.
 */
export function capacityFullWithSuggestions(full: ApiError, next: string, suggestions: SlotSuggestion[]): ApiError {
  const free = suggestions.length
    ? `The next free ${suggestions.length === 1 ? 'start is' : 'starts are'} ${suggestions.map((s) => readableDate(s.startDate)).join('; ')}.`
    : 'The team has no free start for these weeks within a year.';
  return new ApiError(409, 'CAPACITY_FULL', `${full.message} ${next} ${free}`, { ...full.details, suggestions });
}

/** Whether PostgreSQL refused the statement because of the named constraint. */
export function isViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === constraint;
}

export const PM_OVERLAP_MESSAGE =
  'This PM already has a placement or a pending request on some of these days; pick other dates or withdraw the other request.';

/**
 * The error to answer for a failed booking write: PostgreSQL's refusal by one
 * of the PM's no-overlap constraints becomes 409 PM_OVERLAP; anything else is
 * unchanged. The rules catch overlaps first; the constraint settles races.
 */
export function overlapAsRuleError(error: unknown, constraint: string, message = PM_OVERLAP_MESSAGE): unknown {
  return isViolation(error, constraint) ? new ApiError(409, 'PM_OVERLAP', message) : error;
}
