import { CORE_SKILLS, type ProgrammePolicy } from '@stint/contracts';

/** The policy's limits, as the API checks them (`PUT /api/policy`). */
export const POLICY_LIMITS = {
  maxWeeks: 52,
  maxHours: 720,
  maxFollowUpDays: 365,
  maxOfferHoldHours: 336,
  maxPulseAfterDays: 365,
  maxLeadDays: 60,
  /** The core three and up to nine more. */
  maxSkills: 12,
  maxSkillLength: 40,
} as const;

/** A skill's name as the API takes it: lower-case letters, digits, spaces and hyphens, starting with a letter. */
const SKILL_NAME = /^[a-z][a-z0-9 -]*$/;

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
  skills: 'Skills',
  pulseAfterDays: 'Pulse after return (days)',
  minLeadDays: 'Lead time (business days)',
};

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Field → sentence for every invalid field, with the API's rules and wording
 * (min ≤ max, HH:MM, nothing negative, an offer held 1 to 336 hours, the pulse 1 to 365 days after return,
 * the core skills first and every added one named well, once); empty when the policy is valid.
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
  if (!isWhole(p.pulseAfterDays) || p.pulseAfterDays < 1 || p.pulseAfterDays > POLICY_LIMITS.maxPulseAfterDays) {
    errors.pulseAfterDays = `Pulse after return (days) must be a whole number of days from 1 to ${POLICY_LIMITS.maxPulseAfterDays}.`;
  }
  if (!isWhole(p.minLeadDays) || p.minLeadDays < 0 || p.minLeadDays > POLICY_LIMITS.maxLeadDays) {
    errors.minLeadDays = `Lead time (business days) must be a whole number from 0 to ${POLICY_LIMITS.maxLeadDays}.`;
  }
  const skills = skillsError(p.skills);
  if (skills) errors.skills = skills;
  return errors;
}

/** What a typed skill name becomes: trimmed, single spaces, lower case (as the API stores names). */
export function normaliseSkill(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Why a (normalised) name cannot join `skills`, or null when it can. */
export function skillNameError(name: string, skills: readonly string[]): string | null {
  const { maxSkills, maxSkillLength } = POLICY_LIMITS;
  if (!name) return 'Type the name of the skill to add.';
  if (name.length > maxSkillLength) return `A skill's name must be at most ${maxSkillLength} characters.`;
  if (!SKILL_NAME.test(name))
    return "A skill's name may use letters a–z, digits, spaces and hyphens, and must start with a letter.";
  if (skills.includes(name)) return `“${name}” is rated already.`;
  if (skills.length >= maxSkills) return `The programme rates at most ${maxSkills} skills: remove one to add another.`;
  return null;
}

/** The API's rule for the whole list: the core three first, in order, then at most nine more, each valid and once. */
function skillsError(skills: unknown): string | null {
  if (!Array.isArray(skills) || skills.some((s) => typeof s !== 'string')) return 'Skills must be a list of names.';
  if (CORE_SKILLS.some((core, i) => skills[i] !== core))
    return `Skills must start with the core skills ${CORE_SKILLS.join(', ')}.`;
  if (skills.length > POLICY_LIMITS.maxSkills) return `The programme rates at most ${POLICY_LIMITS.maxSkills} skills.`;
  const added = skills.slice(CORE_SKILLS.length) as string[];
  for (const [i, name] of added.entries()) {
    const problem = skillNameError(name, added.slice(0, i).concat(CORE_SKILLS));
    if (problem) return problem;
  }
  return null;
}

/** Only the fields that changed, for `PUT /api/policy` (it takes any subset). */
export function policyChanges(before: ProgrammePolicy, after: ProgrammePolicy): Partial<ProgrammePolicy> {
  const changes: Partial<ProgrammePolicy> = {};
  for (const key of Object.keys(POLICY_LABEL) as PolicyField[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}
