import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiErrorBody } from '@stint/contracts';
import { fieldError } from './field-error';
import { applyApiErrors, humanise, placeApiErrors, wholeNumber } from './api-form-errors';

const body = (code: ApiErrorBody['code'], message: string, details: Record<string, unknown> = {}): ApiErrorBody => ({
  statusCode: 400,
  code,
  message,
  details,
});

describe('API errors on admin forms', () => {
  const labels = { capacity: 'Capacity', managerId: 'Manager' };

  it('reads VALIDATION_FAILED fields into sentences under the right field', () => {
    const placed = placeApiErrors(
      body('VALIDATION_FAILED', 'Invalid.', {
        fields: {
          capacity: 'capacity must be at least 1',
          managerId: 'Kai is a pm, not a manager',
          bogus: 'bogus is not a known field; remove it',
        },
      }),
      'x',
      ['capacity', 'managerId', 'name'],
      labels,
    );
    expect(placed.fields).toEqual({
      capacity: 'Capacity must be at least 1.',
      managerId: 'Kai is a pm, not a manager.',
    });
    expect(placed.general).toBe('bogus is not a known field; remove it');
  });

  it('puts a taken email or name under that field', () => {
    expect(
      placeApiErrors(body('CONFLICT', 'A team named X already exists.', { field: 'name' }), 'x', ['name']),
    ).toEqual({
      fields: { name: 'A team named X already exists.' },
      general: null,
    });
  });

  it('keeps other errors general, and network trouble as the fallback', () => {
    expect(
      placeApiErrors(body('INVALID_STATE', 'You cannot deactivate your own account.'), 'x', ['active']).general,
    ).toBe('You cannot deactivate your own account.');
    expect(placeApiErrors(null, 'Cannot reach Stint.', [])).toEqual({ fields: {}, general: 'Cannot reach Stint.' });
  });

  it('marks the controls so the message shows until the value changes', () => {
    const form = new FormGroup({ email: new FormControl('a@b.c', [Validators.required]) });
    const general = applyApiErrors(
      form,
      body('CONFLICT', 'A user with email a@b.c already exists.', { field: 'email' }),
      'x',
    );
    expect(general).toBeNull();
    expect(fieldError(form.controls.email)).toBe('A user with email a@b.c already exists.');
    form.controls.email.setValue('d@e.f');
    expect(fieldError(form.controls.email)).toBeNull();
  });

  it('words a field after its label', () => {
    expect(
      humanise('reminderLeadHours', 'reminderLeadHours must not be negative', {
        reminderLeadHours: 'Reminder lead (hours)',
      }),
    ).toBe('Reminder lead (hours) must not be negative.');
  });

  it('checks whole numbers within bounds', () => {
    const capacity = wholeNumber('Capacity', 1, 1000);
    expect(capacity(new FormControl(0))).toEqual({ range: 'Capacity must be at least 1.' });
    expect(capacity(new FormControl(1.5))).toEqual({ whole: 'Capacity must be a whole number.' });
    expect(capacity(new FormControl(1001))).toEqual({ range: 'Capacity must be at most 1000.' });
    expect(capacity(new FormControl(3))).toBeNull();
  });
});
