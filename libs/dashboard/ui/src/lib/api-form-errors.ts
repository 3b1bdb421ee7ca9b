import type { FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ApiErrorBody } from '@stint/contracts';
import { setApiError } from './field-error';

/** `capacity must be at least 1` → `Capacity must be at least 1.` using the form's own label for the field. */
export function humanise(field: string, message: string, labels: Record<string, string> = {}): string {
  const label = labels[field];
  const sentence = label && message.startsWith(field) ? `${label}${message.slice(field.length)}` : message;
  const capitalised = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export interface PlacedErrors {
  /** Field → sentence, for the controls of the form. */
  fields: Record<string, string>;
  /** What belongs to no field. */
  general: string | null;
}

/**
 * Which field an API error is about: every `details.fields` entry of a
 * VALIDATION_FAILED (nested paths count for their first segment), the
 * `details.field` of a CONFLICT (email or name taken); anything else is general.
 */
export function placeApiErrors(
  body: ApiErrorBody | null,
  fallback: string,
  known: readonly string[],
  labels: Record<string, string> = {},
): PlacedErrors {
  if (!body) return { fields: {}, general: fallback };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const details = body.details ?? {};
  if (body.code === 'VALIDATION_FAILED' && details['fields'] && typeof details['fields'] === 'object') {
    for (const [path, message] of Object.entries(details['fields'] as Record<string, unknown>)) {
      if (typeof message !== 'string') continue;
      const root = path.split('.')[0] ?? path;
      if (known.includes(root))
        fields[root] = fields[root]
          ? `${fields[root]} ${humanise(root, message, labels)}`
          : humanise(root, message, labels);
      else general.push(message);
    }
  } else if (body.code === 'CONFLICT' && typeof details['field'] === 'string' && known.includes(details['field'])) {
    fields[details['field']] = body.message;
  } else {
    general.push(body.message);
  }
  if (!Object.keys(fields).length && !general.length) general.push(body.message);
  return { fields, general: general.length ? general.join(' ') : null };
}

/** Puts the API's sentences on the form's controls; returns what is left for a general message. */
export function applyApiErrors(
  form: FormGroup,
  body: ApiErrorBody | null,
  fallback: string,
  labels: Record<string, string> = {},
): string | null {
  const placed = placeApiErrors(body, fallback, Object.keys(form.controls), labels);
  for (const [field, message] of Object.entries(placed.fields)) {
    const control = form.get(field);
    if (control) setApiError(control, message);
  }
  return placed.general ?? (Object.keys(placed.fields).length ? null : fallback);
}

/** A whole number within bounds, in the API's words (`capacity must be at least 1`). */
export function wholeNumber(
  label: string,
  min: number,
  max: number,
  messages: { min?: string; max?: string } = {},
): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) return { whole: `${label} must be a whole number.` };
    if (value < min) return { range: messages.min ?? `${label} must be at least ${min}.` };
    if (value > max) return { range: messages.max ?? `${label} must be at most ${max}.` };
    return null;
  };
}
