import type { ProgrammePolicy } from '@stint/contracts';

/** The policy's limits, as the API checks them (`PUT /api/policy`). */
export const POLICY_LIMITS = { maxWeeks: 52, maxHours: 720, maxFollowUpDays: 365, maxOfferHoldHours: 336 } as const;

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type PolicyField = keyof ProgrammePolicy;

export const POLICY_LABEL: Record<PolicyField, string> = {
  minWeeks: 'Minimum weeks',
  maxWeeks: 'Maximum weeks',
  checkinTime: 'Check-in time',
  reminderLeadHours: 'Reminder lead (hours)',
  overdueAfterHours: 'Overdue after (hours)',
  followUpDays: 'Follow-up after (days)',
  offerHoldHours: 'Offer hold (hours)',
};

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Field → sentence for every invalid field, with the API's rules and wording
 * (min ≤ max, HH:MM, nothing negative, an offer held 1 to 336 hours); empty when the policy is valid.
 */
export function policyErrors(p: Partial<Record<PolicyField, unknown>>): Partial<Record<PolicyField, string>> {
  const errors: Partial<Record<PolicyField, string>> = {};
  const { maxWeeks: weeksCap, maxHours, maxFollowUpDays, maxOfferHoldHours } = POLICY_LIMITS;
  if (!isWhole(p.minWeeks) || p.minWeeks < 1 || p.minWeeks > weeksCap)
    errors.minWeeks = `Minimum weeks must be a whole number from 1 to ${weeksCap}.`;
  if (!isWhole(p.maxWeeks) || p.maxWeeks < 1 || p.maxWeeks > weeksCap)
    errors.maxWeeks = `Maximum weeks must be a whole number from 1 to ${weeksCap}.`;
  else if (isWhole(p.minWeeks) && p.maxWeeks < p.minWeeks)
    errors.maxWeeks = `Maximum weeks must be at least the minimum (${p.minWeeks}).`;
  if (typeof p.checkinTime !== 'string' || !CLOCK_TIME.test(p.checkinTime))
    errors.checkinTime = 'Check-in time must be a 24-hour time written HH:MM, e.g. 10:00.';
  for (const field of ['reminderLeadHours', 'overdueAfterHours'] as const) {
    const value = p[field];
    if (!isWhole(value) || value < 0)
      errors[field] = `${POLICY_LABEL[field]} must be a whole number of hours, 0 or more.`;
    else if (value > maxHours) errors[field] = `${POLICY_LABEL[field]} must be at most ${maxHours}.`;
  }
  if (!isWhole(p.followUpDays) || p.followUpDays < 0 || p.followUpDays > maxFollowUpDays) {
    errors.followUpDays = `Follow-up after (days) must be a whole number of days from 0 to ${maxFollowUpDays}.`;
  }
  if (!isWhole(p.offerHoldHours) || p.offerHoldHours < 1 || p.offerHoldHours > maxOfferHoldHours) {
    errors.offerHoldHours = `Offer hold (hours) must be a whole number of hours from 1 to ${maxOfferHoldHours}.`;
  }
  return errors;
}

/** Only the fields that changed, for `PUT /api/policy` (it takes any subset). */
export function policyChanges(before: ProgrammePolicy, after: ProgrammePolicy): Partial<ProgrammePolicy> {
  const changes: Partial<ProgrammePolicy> = {};
  for (const key of Object.keys(POLICY_LABEL) as PolicyField[]) {
    if (before[key] !== after[key]) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}
