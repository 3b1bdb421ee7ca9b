import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isIsoDate } from '../util/dates';

/**
 * The sentence to show under a field: an error the API reported (`api`), a
 * custom validator's own message (validators here return their message as
 * the error value), or the given text for Angular's built-in validators.
 */
export function fieldError(control: AbstractControl | null, messages: Record<string, string> = {}): string | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (typeof errors['api'] === 'string') return errors['api'];
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value === 'string') return value;
    const message = messages[key];
    if (message) return message;
  }
  return 'Check this field.';
}

/** Shows an API message on a control until its value changes (Angular re-validates then and drops it). */
export function setApiError(control: AbstractControl, message: string): void {
  control.setErrors({ ...(control.errors ?? {}), api: message });
  control.markAsTouched();
}

export const dateValidator: ValidatorFn = (control): ValidationErrors | null =>
  !control.value || isIsoDate(control.value) ? null : { date: 'Enter a date like 2027-01-04.' };

/** Whole weeks within the policy, with the API's wording (DURATION_OUT_OF_POLICY). */
export function weeksValidator(limits: () => { minWeeks: number; maxWeeks: number } | null): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    const { minWeeks, maxWeeks } = limits() ?? { minWeeks: 1, maxWeeks: 52 };
    const allowed = `Pick a whole number of weeks from ${minWeeks} to ${maxWeeks}.`;
    if (typeof value !== 'number' || !Number.isInteger(value)) return { weeks: `A rotation must last whole weeks. ${allowed}` };
    if (value < minWeeks || value > maxWeeks) return { weeks: `A rotation of ${value === 1 ? '1 week' : `${value} weeks`} is outside the policy. ${allowed}` };
    return null;
  };
}
