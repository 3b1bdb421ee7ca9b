import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { ApiErrorBody } from '@stint/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { applyApiErrors } from './api-form-errors';

/** A failed call in words and, when the API answered, its error body (the session's `describeError` fits). */
export type DescribeApiError = (error: unknown) => { message: string; body: ApiErrorBody | null };

export interface FormSubmitOptions {
  form: FormGroup;
  describeError: DescribeApiError;
  /** The form's field labels, so the API's `capacity must be at least 1` reads `Capacity must be at least 1.` */
  labels?: Record<string, string>;
  /** Places an error the general rules would not (returns true when it did), e.g. one that belongs under a field. */
  placeError?: (body: ApiErrorBody) => boolean;
}

/**
 * The sending half of a form: checks it, sends one request at a time (`busy`), and when the API refuses, puts
 * its sentences under the fields they are about and keeps the rest in `error` for a banner.
 */
export class FormSubmit {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(private readonly options: FormSubmitOptions) {}

  /**
   * Sends the request `build` makes once the form is valid and hands the answer to `done`. `build` may return
   * null when there is nothing to send (an edit that changed nothing); `done` then gets undefined.
   */
  async send<R>(build: () => Observable<R> | null, done: (answer: R | undefined) => void): Promise<void> {
    const { form, describeError, labels, placeError } = this.options;
    form.markAllAsTouched();
    form.updateValueAndValidity();
    if (form.invalid) return;
    const request = build();
    if (!request) {
      done(undefined);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      done(await firstValueFrom(request));
    } catch (error) {
      const { message, body } = describeError(error);
      if (body && placeError?.(body)) return;
      this.error.set(applyApiErrors(form, body, message, labels));
    } finally {
      this.busy.set(false);
    }
  }
}
