import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fieldError } from './field-error';
import { map, startWith, switchMap } from 'rxjs';

/** Every IANA zone the browser knows, UTC first. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}

/** True for an IANA zone the browser knows (Europe/Berlin), false for anything else. */
export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function timeZoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || isTimeZone(control.value)
    ? null
    : { timezone: 'Time zone must be an IANA time zone such as Europe/Berlin.' };
}

/** How many zones the list under the field offers at a time. */
const SHOWN = 50;

/** A Time zone field of a dialog's form row: type to narrow the browser's IANA zones, or write one. */
@Component({
  selector: 'lib-time-zone-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './time-zone-field.scss',
  templateUrl: './time-zone-field.html',
})
export class TimeZoneField {
  /** The form's time zone control (checked with `timeZoneValidator`). */
  readonly control = input.required<FormControl<string>>();
  /** What the zone is used for, under the field. */
  readonly hint = input.required<string>();

  protected readonly fieldError = fieldError;
  private readonly allZones = timeZones();
  protected readonly options = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(''))),
      map((text) => {
        const needle = (text ?? '').toLowerCase();
        return this.allZones.filter((zone) => zone.toLowerCase().includes(needle)).slice(0, SHOWN);
      }),
    ),
    { initialValue: this.allZones.slice(0, SHOWN) },
  );
}
