import { FormControl, Validators } from '@angular/forms';
import { dateValidator, fieldError, setApiError, weeksValidator } from './form-errors';

describe('form errors', () => {
  it('prefers what the API said, then a validator’s own sentence, then the given text', () => {
    const control = new FormControl('', [Validators.required]);
    expect(fieldError(control, { required: 'Enter a team.' })).toBe('Enter a team.');
    setApiError(control, 'This team is not hosting rotations.');
    expect(fieldError(control, { required: 'Enter a team.' })).toBe('This team is not hosting rotations.');
    expect(control.touched).toBe(true);
    control.setValue('other');
    expect(fieldError(control)).toBeNull();
  });

  it('checks dates', () => {
    expect(dateValidator(new FormControl('2027-02-30'))).toEqual({ date: 'Enter a date like 2027-01-04.' });
    expect(dateValidator(new FormControl('2027-02-28'))).toBeNull();
  });

  it('checks weeks against the policy in the API’s words', () => {
    const validator = weeksValidator(() => ({ minWeeks: 2, maxWeeks: 8 }));
    expect(fieldError(new FormControl(1, validator))).toBe('A rotation of 1 week is outside the policy. Pick a whole number of weeks from 2 to 8.');
    expect(fieldError(new FormControl(2.5, validator))).toBe('A rotation must last whole weeks. Pick a whole number of weeks from 2 to 8.');
    expect(fieldError(new FormControl(8, validator))).toBeNull();
  });
});
