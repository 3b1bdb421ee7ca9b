import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiErrorBody } from '@stint/contracts';
import { NEVER, of, throwError } from 'rxjs';
import { fieldError } from './field-error';
import { FormSubmit } from './form-submit';

const refusal = (body: ApiErrorBody) => ({ message: body.message, body });

describe('FormSubmit', () => {
  const form = () =>
    new FormGroup({
      name: new FormControl('Kai', { nonNullable: true, validators: [Validators.required] }),
      capacity: new FormControl(2),
    });

  it('sends nothing while the form is invalid, and shows why under the fields', async () => {
    const f = form();
    f.controls.name.setValue('');
    const build = jest.fn(() => of('saved'));
    await new FormSubmit({ form: f, describeError: () => ({ message: 'x', body: null }) }).send(build, jest.fn());
    expect(build).not.toHaveBeenCalled();
    expect(f.controls.name.touched).toBe(true);
  });

  it('hands over the answer, or undefined when there was nothing to send', async () => {
    const submit = new FormSubmit({ form: form(), describeError: () => ({ message: 'x', body: null }) });
    const done = jest.fn();
    await submit.send(() => of('saved'), done);
    await submit.send(() => null, done);
    expect(done.mock.calls).toEqual([['saved'], [undefined]]);
    expect(submit.busy()).toBe(false);
  });

  it('is busy while the call runs', () => {
    const submit = new FormSubmit({ form: form(), describeError: () => ({ message: 'x', body: null }) });
    void submit.send(() => NEVER, jest.fn());
    expect(submit.busy()).toBe(true);
  });

  it("puts the API's sentences under their fields and keeps the rest for the banner", async () => {
    const f = form();
    const body: ApiErrorBody = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid.',
      details: { fields: { capacity: 'capacity must be at least 1', other: 'other is not allowed' } },
    };
    const submit = new FormSubmit({ form: f, describeError: () => refusal(body), labels: { capacity: 'Capacity' } });
    await submit.send(() => throwError(() => new Error('400')), jest.fn());
    expect(fieldError(f.controls.capacity)).toBe('Capacity must be at least 1.');
    expect(submit.error()).toBe('other is not allowed');

    const offline = new FormSubmit({
      form: form(),
      describeError: () => ({ message: 'Cannot reach Stint.', body: null }),
    });
    await offline.send(() => throwError(() => new Error('offline')), jest.fn());
    expect(offline.error()).toBe('Cannot reach Stint.');
  });

  it('lets the form place an error itself', async () => {
    const f = form();
    const body: ApiErrorBody = { statusCode: 409, code: 'INVALID_STATE', message: 'Already booked.', details: {} };
    const submit = new FormSubmit({
      form: f,
      describeError: () => refusal(body),
      placeError: (b) => {
        f.controls.capacity.setErrors({ api: b.message });
        return true;
      },
    });
    await submit.send(() => throwError(() => new Error('409')), jest.fn());
    expect(fieldError(f.controls.capacity)).toBe('Already booked.');
    expect(submit.error()).toBeNull();
  });
});
