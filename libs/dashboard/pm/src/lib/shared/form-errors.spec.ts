import { FormControl, FormGroup } from '@angular/forms';
import { fieldError } from '@stint/dashboard-ui';
import { dateValidator, latestEndValidator, weeksValidator } from './form-errors';

describe('form errors', () => {
  it('checks dates', () => {
    expect(dateValidator(new FormControl('2027-02-30'))).toEqual({
      date: 'Enter a whole date, or pick one from the calendar.',
    });
    expect(dateValidator(new FormControl('2027-02-28'))).toBeNull();
  });

  it('wants the latest end on or after the earliest start', () => {
    const window = new FormGroup({
      earliestStart: new FormControl('2027-03-01'),
      latestEnd: new FormControl('2027-02-01', latestEndValidator),
    });
    window.controls.latestEnd.updateValueAndValidity();
    expect(window.controls.latestEnd.errors).toEqual({
      window: 'The latest end must be on or after the earliest start.',
    });
    window.controls.latestEnd.setValue('2027-03-01');
    expect(window.controls.latestEnd.errors).toBeNull();
  });

  it('checks weeks against the policy in the API’s words', () => {
    const validator = weeksValidator(() => ({ minWeeks: 2, maxWeeks: 8 }));
    expect(fieldError(new FormControl(1, validator))).toBe(
      'A rotation of 1 week is outside the policy. Pick a whole number of weeks from 2 to 8.',
    );
    expect(fieldError(new FormControl(2.5, validator))).toBe(
      'A rotation must last whole weeks. Pick a whole number of weeks from 2 to 8.',
    );
    expect(fieldError(new FormControl(8, validator))).toBeNull();
  });
});
