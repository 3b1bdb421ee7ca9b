import { signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup } from '@angular/forms';
import type { CheckIn } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { FormSubmit, humanise, setApiError } from '@stint/dashboard-ui';
import type { Observable } from 'rxjs';

export const NEEDS_ATTENTION = 'Some answers need attention: see the messages next to them.';

/**
 * The field an API error path is about, when the form shows errors there: `ratings.<skill>` under that
 * skill's question, `goalOutcomes.<i>.…` under the i-th learning goal, `notes` or `comment` under the text.
 */
export function controlFor(form: FormGroup, path: string): AbstractControl | null {
  const [root, key] = path.split('.');
  let control: AbstractControl | null = null;
  if (root === 'ratings' && key !== undefined) control = form.get(['ratings', key]);
  else if (root === 'goalOutcomes' && key !== undefined) control = form.get(['goals', key]);
  else if (root !== undefined && key === undefined) control = form.get(root);
  return control instanceof FormControl ? control : null;
}

/**
 * Sends one of the check-in's forms: the API's field errors go under the questions they are about, anything
 * else into the banner. When the check-in moved on meanwhile (filed by then, or cancelled: 409), `onStale`
 * re-reads it so the page shows what is true now.
 */
export function checkInSubmit(form: FormGroup, onStale: () => void): FormSubmit {
  const submit: FormSubmit = new FormSubmit({
    form,
    describeError,
    placeError: (body) => {
      if (body.code === 'INVALID_STATE') {
        submit.error.set(body.message);
        onStale();
        return true;
      }
      const fields = body.code === 'VALIDATION_FAILED' ? body.details?.['fields'] : undefined;
      if (!fields || typeof fields !== 'object') return false;
      const general: string[] = [];
      let placed = false;
      for (const [path, text] of Object.entries(fields as Record<string, unknown>)) {
        const control = controlFor(form, path);
        if (control && typeof text === 'string') {
          setApiError(control, humanise(path, text));
          placed = true;
        } else if (typeof text === 'string') general.push(text);
      }
      submit.error.set([...(placed ? [NEEDS_ATTENTION] : []), ...general].join(' ') || body.message);
      return true;
    },
  });
  return submit;
}

/**
 * One filing of a check-in form (reflection, assessment, pulse): says what is missing instead of sending an
 * incomplete form, then sends it once and hands the check-in the API answers to `done`.
 */
export class CheckInFiling {
  /** Sent at least once: every question shows what it still needs. */
  readonly submitted = signal(false);
  readonly submit: FormSubmit;

  constructor(
    readonly form: FormGroup,
    onStale: () => void,
  ) {
    this.submit = checkInSubmit(form, onStale);
  }

  async file(missing: () => string, send: () => Observable<CheckIn>, done: (saved: CheckIn) => void): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.submit.error.set(missing());
      return;
    }
    await this.submit.send(send, (saved) => {
      if (saved) done(saved);
    });
  }
}
