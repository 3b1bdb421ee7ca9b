import type { AbstractControl } from '@angular/forms';

/**
 * The sentence to show under a field: an error the API reported (`api`), a
 * custom validator's own sentence (validators here return their message as
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
