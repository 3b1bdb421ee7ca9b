import type { ValidationErrors, ValidatorFn } from '@angular/forms';
import { isIsoDate } from '@stint/shared-dates';

export const dateValidator: ValidatorFn = (control): ValidationErrors | null =>
  !control.value || isIsoDate(control.value) ? null : { date: 'Enter a whole date, or pick one from the calendar.' };

/** The plan's search window: its end may not come before its start (the start is the sibling `earliestStart`). */
export const latestEndValidator: ValidatorFn = (control): ValidationErrors | null => {
  const start = (control.parent?.get('earliestStart')?.value as string | undefined) ?? '';
  const end = control.value as string;
  return isIsoDate(start) && isIsoDate(end) && end < start
    ? { window: 'The latest end must be on or after the earliest start.' }
    : null;
};

/** Whole weeks within the policy, with the API's wording (DURATION_OUT_OF_POLICY). */
export function weeksValidator(limits: () => { minWeeks: number; maxWeeks: number } | null): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    const { minWeeks, maxWeeks } = limits() ?? { minWeeks: 1, maxWeeks: 52 };
    const allowed = `Pick a whole number of weeks from ${minWeeks} to ${maxWeeks}.`;
    if (typeof value !== 'number' || !Number.isInteger(value))
      return { weeks: `A rotation must last whole weeks. ${allowed}` };
    if (value < minWeeks || value > maxWeeks)
      return { weeks: `A rotation of ${value === 1 ? '1 week' : `${value} weeks`} is outside the policy. ${allowed}` };
    return null;
  };
}
