import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { fieldError, FormDialog, FormSubmit, TimeZoneField, timeZoneValidator } from '@stint/dashboard-ui';

/** A BCP 47 tag the browser knows (en-GB, pt-BR), or empty for the browser's own. */
function localeValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (!value) return null;
  try {
    Intl.getCanonicalLocales(value);
    return null;
  } catch {
    return { locale: LOCALE_MESSAGE };
  }
}

const LOCALE_MESSAGE = 'Locale must be a language tag such as en-GB or de-DE.';

/** Your own name, time zone and locale (PATCH /api/me). */
@Component({
  selector: 'app-profile-dialog',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, FormDialog, TimeZoneField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: grid;
      gap: 8px;
      min-width: min(420px, 80vw);
    }
  `,
  template: `
    <lib-form-dialog title="Your profile" formId="profile-form" submitLabel="Save" [submit]="submit">
      <form [formGroup]="form" id="profile-form" (ngSubmit)="save()">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (form.controls.name.invalid) {
            <mat-error>{{ fieldError(form.controls.name, { required: 'Name is required.' }) }}</mat-error>
          }
        </mat-form-field>
        <lib-time-zone-field
          [control]="form.controls.timezone"
          hint="Every time Stint shows you is in this zone, and says so."
        />
        <mat-form-field appearance="outline">
          <mat-label>Locale</mat-label>
          <input matInput formControlName="locale" placeholder="e.g. en-GB" />
          <mat-hint>A language tag such as en-GB or de-DE; leave empty to use your browser's.</mat-hint>
          @if (form.controls.locale.invalid) {
            <mat-error>{{ fieldError(form.controls.locale, { locale: localeMessage }) }}</mat-error>
          }
        </mat-form-field>
      </form>
    </lib-form-dialog>
  `,
})
export class ProfileDialog {
  private readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ProfileDialog, User>>(MatDialogRef);
  private readonly http = inject(HttpClient);
  protected readonly fieldError = fieldError;
  protected readonly localeMessage = LOCALE_MESSAGE;
  protected readonly form = new FormGroup({
    name: new FormControl(this.user.name, { nonNullable: true, validators: [Validators.required] }),
    timezone: new FormControl(this.user.timezone, {
      nonNullable: true,
      validators: [Validators.required, timeZoneValidator],
    }),
    locale: new FormControl(this.user.locale ?? '', { nonNullable: true, validators: [localeValidator] }),
  });
  protected readonly submit = new FormSubmit({
    form: this.form,
    describeError,
    labels: { name: 'Name', timezone: 'Time zone', locale: 'Locale' },
  });

  protected save(): void {
    const { name, timezone, locale } = this.form.getRawValue();
    void this.submit.send(
      () => this.http.patch<User>('/api/me', { name: name.trim(), timezone, locale: locale.trim() || null }),
      (saved) => this.ref.close(saved),
    );
  }
}
