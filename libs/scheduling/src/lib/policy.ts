import { isClockTime } from '@stint/shared-dates';

/** The programme policy an admin sets (`GET/PUT /api/policy`). */
export interface Policy {
  minWeeks: number;
  maxWeeks: number;
  /** `HH:MM`, in the PM's time zone. */
  checkinTime: string;
  reminderLeadHours: number;
  overdueAfterHours: number;
  followUpDays: number;
  /** How long a waitlist offer holds its place before it lapses. */
  offerHoldHours: number;
  /** The rated skills: the three core ones first, then any an admin added. */
  skills: string[];
  /** Days after the end when the line manager's pulse falls. */
  pulseAfterDays: number;
  /** The fewest business days of the host team between today and a chosen start; 0 turns it off. */
  minLeadDays: number;
}

/** The skills every policy rates, in this order, before any an admin adds. */
export const CORE_SKILL_NAMES: readonly string[] = Object.freeze(['negotiation', 'closing', 'persistence']);
/** The most skills a policy may rate. */
export const MAX_SKILLS = 12;
/** A skill's name: 1–40 characters, lower-case letters, digits, spaces and hyphens, starting with a letter. */
export const SKILL_NAME = /^[a-z][a-z0-9 -]{0,39}$/;

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  minWeeks: 1,
  maxWeeks: 12,
  checkinTime: '10:00',
  reminderLeadHours: 24,
  overdueAfterHours: 48,
  followUpDays: 30,
  offerHoldHours: 48,
  skills: [...CORE_SKILL_NAMES],
  pulseAfterDays: 60,
  minLeadDays: 5,
});

/** The longest stint a policy may allow. */
export const MAX_POLICY_WEEKS = 52;
/** The latest follow-up a policy may ask for. */
export const MAX_FOLLOW_UP_DAYS = 365;
/** The longest a waitlist offer may hold its place (two weeks). */
export const MAX_OFFER_HOLD_HOURS = 336;
/** The longest lead time a policy may ask for, in business days (about three months). */
export const MAX_LEAD_DAYS = 60;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Field → message for every invalid field of `p`; an empty object when the
 * policy is valid. Safe on values that are not numbers at all.
 */
export function validatePolicy(p: Policy): Record<string, string> {
  const errors: Record<string, string> = {};

  if (!isInteger(p.minWeeks) || p.minWeeks < 1 || p.minWeeks > MAX_POLICY_WEEKS) {
    errors['minWeeks'] = `minWeeks must be a whole number from 1 to ${MAX_POLICY_WEEKS}.`;
  }

  if (!isInteger(p.maxWeeks) || p.maxWeeks < 1 || p.maxWeeks > MAX_POLICY_WEEKS) {
    errors['maxWeeks'] = `maxWeeks must be a whole number from 1 to ${MAX_POLICY_WEEKS}.`;
  } else if (isInteger(p.minWeeks) && p.maxWeeks < p.minWeeks) {
    errors['maxWeeks'] = `maxWeeks must be at least minWeeks (${p.minWeeks}).`;
  }

  if (!isClockTime(p.checkinTime)) {
    errors['checkinTime'] = 'checkinTime must be a 24-hour time written HH:MM, e.g. 10:00.';
  }

  for (const field of ['reminderLeadHours', 'overdueAfterHours'] as const) {
    const value = p[field];
    if (!isInteger(value) || value < 0) {
      errors[field] = `${field} must be a whole number of hours, 0 or more.`;
    }
  }

  if (!isInteger(p.followUpDays) || p.followUpDays < 0 || p.followUpDays > MAX_FOLLOW_UP_DAYS) {
    errors['followUpDays'] = `followUpDays must be a whole number of days from 0 to ${MAX_FOLLOW_UP_DAYS}.`;
  }

  if (!isInteger(p.offerHoldHours) || p.offerHoldHours < 1 || p.offerHoldHours > MAX_OFFER_HOLD_HOURS) {
    errors['offerHoldHours'] = `offerHoldHours must be a whole number of hours from 1 to ${MAX_OFFER_HOLD_HOURS}.`;
  }

  if (!isInteger(p.pulseAfterDays) || p.pulseAfterDays < 1 || p.pulseAfterDays > MAX_FOLLOW_UP_DAYS) {
    errors['pulseAfterDays'] = `pulseAfterDays must be a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}.`;
  }

  if (!isInteger(p.minLeadDays) || p.minLeadDays < 0 || p.minLeadDays > MAX_LEAD_DAYS) {
    errors['minLeadDays'] = `minLeadDays must be a whole number of business days from 0 to ${MAX_LEAD_DAYS}.`;
  }

  const skillsError = skillsProblem(p.skills);
  if (skillsError) errors['skills'] = skillsError;

  return errors;
}

function skillsProblem(skills: unknown): string | null {
  if (!Array.isArray(skills) || skills.some((s) => typeof s !== 'string')) {
    return 'skills must be a list of skill names.';
  }
  if (CORE_SKILL_NAMES.some((core, i) => skills[i] !== core)) {
    return `skills must start with the core skills ${CORE_SKILL_NAMES.join(', ')}; add others after them.`;
  }
  if (skills.length > MAX_SKILLS) return `skills may name at most ${MAX_SKILLS} skills.`;
  const bad = skills.find((s: string) => !SKILL_NAME.test(s));
  if (bad !== undefined) {
    return `"${bad}" is not a skill name: use 1–40 lower-case letters, digits, spaces or hyphens, starting with a letter.`;
  }
  if (new Set(skills).size !== skills.length) return 'skills must not name a skill twice.';
  return null;
}
