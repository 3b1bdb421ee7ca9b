import { ApiError } from '@stint/api-core';
import type { SlotSuggestion } from '@stint/contracts';
import type { RuleCode, RuleViolation } from '@stint/scheduling';

const STATUS: Record<RuleCode, number> = {
  PM_OVERLAP: 409,
  CAPACITY_FULL: 409,
  BLACKOUT: 422,
  DURATION_OUT_OF_POLICY: 422,
  START_IN_PAST: 422,
  TEAM_INACTIVE: 422,
};

/** The first broken rule becomes the error; every broken rule is listed in details.violations. */
export function ruleError(violations: RuleViolation[], suggestions?: SlotSuggestion[]): ApiError {
  const [first] = violations;
  if (!first) throw new Error('ruleError needs at least one violation');
  return new ApiError(STATUS[first.code], first.code, first.message, {
    ...first.details,
    ...(suggestions && { suggestions }),
    violations: violations.map((v) => ({ code: v.code, message: v.message })),
  });
}
