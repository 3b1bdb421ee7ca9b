import { FormControl, FormGroup, Validators } from '@angular/forms';
import { CORE_SKILLS, type GoalResult, type RatingsBySkill } from '@stint/contracts';

/** `negotiation` → `Negotiation`, `customer empathy` → `Customer empathy`: skills (and goals) as sentences start. */
export function skillLabel(skill: string): string {
  return skill.charAt(0).toUpperCase() + skill.slice(1);
}

/** The policy's skills, or the core three when the policy names none (or could not be read). */
export function policySkills(skills: readonly string[] | null | undefined): string[] {
  return skills?.length ? [...skills] : [...CORE_SKILLS];
}

/**
 * The skills a set of ratings holds, in the policy's order, then any the policy no longer names
 * (an admin removed an added skill after it was rated).
 */
export function skillsOf(ratings: RatingsBySkill, skills: readonly string[]): string[] {
  const rated = Object.keys(ratings);
  return [...skills.filter((s) => rated.includes(s)), ...rated.filter((s) => !skills.includes(s))];
}

export const GOAL_RESULT_LABEL: Record<GoalResult, string> = {
  met: 'Met',
  partly_met: 'Partly met',
  not_met: 'Not met',
};

export type RatingsForm = FormGroup<Record<string, FormControl<number | null>>>;

/** One required 1–5 rating per skill, keyed by the skill's name as the API keys `ratings`. */
export function ratingsForm(skills: readonly string[]): RatingsForm {
  const controls: Record<string, FormControl<number | null>> = {};
  for (const skill of skills) {
    controls[skill] = new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(1), Validators.max(5)],
    });
  }
  return new FormGroup(controls);
}

/** The ratings as the API takes them (only called once the form is valid, so every value is set). */
export function ratingsOf(form: RatingsForm): RatingsBySkill {
  const ratings: RatingsBySkill = {};
  for (const [skill, control] of Object.entries(form.controls)) ratings[skill] = control.value ?? 0;
  return ratings;
}

/** One wording for counts everywhere (the UI library's). */
export { plural } from '@stint/dashboard-ui';
