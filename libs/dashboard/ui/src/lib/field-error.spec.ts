import { FormControl, Validators } from '@angular/forms';
import { fieldError, setApiError } from './field-error';

describe('field errors', () => {
  it('prefers what the API said, then a validator’s own sentence, then the given text', () => {
    const control = new FormControl('', [Validators.required]);
    expect(fieldError(control, { required: 'Enter a team.' })).toBe('Enter a team.');
    setApiError(control, 'This team is not hosting rotations.');
    expect(fieldError(control, { required: 'Enter a team.' })).toBe('This team is not hosting rotations.');
    expect(control.touched).toBe(true);
    control.setValue('other');
    expect(fieldError(control)).toBeNull();
  });

  it('falls back to a generic sentence for an error it has no words for', () => {
    expect(fieldError(new FormControl('', [Validators.required]))).toBe('Check this field.');
    expect(fieldError(null)).toBeNull();
  });
});
