import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { USER_ROLES, type User, type UserRole } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom, map, startWith } from 'rxjs';
import { fieldError } from '@stint/dashboard-ui';
import { UserInput, UsersApi } from '../data/users.api';
import { applyApiErrors } from '../shared/api-form-errors';
import { isTimeZone, timeZones } from '../util/format';

export interface UserDialogData {
  user: User | null;
  managers: User[];
}

export const ROLE_LABEL: Record<UserRole, string> = { pm: 'Product manager', manager: 'Manager', admin: 'Admin' };

const LABELS = {
  email: 'Email',
  name: 'Name',
  role: 'Role',
  password: 'Password',
  managerId: 'Line manager',
  timezone: 'Time zone',
};

export function timeZoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || isTimeZone(control.value)
    ? null
    : { timezone: 'Time zone must be an IANA time zone such as Europe/Berlin.' };
}

/** A PM needs a line manager (api.md: "a pm needs managerId of a manager"). */
export function lineManagerRule(group: AbstractControl): ValidationErrors | null {
  const role = group.get('role')?.value as UserRole | undefined;
  const managerId = group.get('managerId');
  if (!managerId) return null;
  const missing = role === 'pm' && !managerId.value;
  const has = managerId.hasError('lineManager');
  if (missing && !has)
    managerId.setErrors({ ...(managerId.errors ?? {}), lineManager: 'A PM needs a line manager: pick their manager.' });
  if (!missing && has) {
    const { lineManager: _dropped, ...rest } = managerId.errors ?? {};
    managerId.setErrors(Object.keys(rest).length ? rest : null);
  }
  return null;
}

/** The body for create (everything) or edit (only what changed; an empty password keeps the old one). */
export function userBody(
  before: User | null,
  value: { email: string; name: string; role: UserRole; password: string; managerId: string; timezone: string },
): Partial<UserInput> {
  const full: UserInput = {
    email: value.email.trim(),
    name: value.name.trim(),
    role: value.role,
    managerId: value.managerId || null,
    timezone: value.timezone.trim() || 'UTC',
    ...(value.password && { password: value.password }),
  };
  if (!before) return full;
  const changes: Partial<UserInput> = {};
  if (full.email.toLowerCase() !== before.email.toLowerCase()) changes.email = full.email;
  if (full.name !== before.name) changes.name = full.name;
  if (full.role !== before.role) changes.role = full.role;
  if ((full.managerId ?? null) !== (before.managerId ?? null)) changes.managerId = full.managerId ?? null;
  if (full.timezone !== before.timezone) changes.timezone = full.timezone;
  if (full.password) changes.password = full.password;
  return changes;
}

@Component({
  selector: 'lib-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatAutocompleteModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/dialog-form.scss',
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit ' + data.user?.name : 'New user' }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="user-form" (ngSubmit)="save()">
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required maxlength="200" />
            @if (form.controls.name.invalid) {
              <mat-error>{{
                fieldError(form.controls.name, {
                  required: 'Name is required.',
                  maxlength: 'Name must be at most 200 characters.',
                })
              }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            @if (form.controls.email.invalid) {
              <mat-error>{{
                fieldError(form.controls.email, {
                  required: 'Email is required.',
                  email: 'Email must be an email address.',
                })
              }}</mat-error>
            }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Role</mat-label>
            <mat-select formControlName="role" required>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ roleLabel[role] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Line manager</mat-label>
            <mat-select formControlName="managerId" [required]="isPm()">
              <mat-option value="">None</mat-option>
              @for (m of managers; track m.id) {
                <mat-option [value]="m.id">{{ m.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ isPm() ? 'Approves the release of this PM.' : 'Optional for managers and admins.' }}</mat-hint>
            @if (form.controls.managerId.invalid) {
              <mat-error>{{ fieldError(form.controls.managerId) }}</mat-error>
            }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Time zone</mat-label>
            <input matInput formControlName="timezone" [matAutocomplete]="zones" autocomplete="off" />
            <mat-autocomplete #zones="matAutocomplete">
              @for (zone of zoneOptions(); track zone) {
                <mat-option [value]="zone">{{ zone }}</mat-option>
              }
            </mat-autocomplete>
            <mat-hint>Check-ins happen at the policy's time in this zone.</mat-hint>
            @if (form.controls.timezone.invalid) {
              <mat-error>{{ fieldError(form.controls.timezone) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ editing ? 'New password' : 'Password' }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              [required]="!editing"
            />
            <mat-hint>{{ editing ? 'Leave empty to keep the current password.' : 'At least 8 characters.' }}</mat-hint>
            @if (form.controls.password.invalid) {
              <mat-error>{{
                fieldError(form.controls.password, {
                  required: 'Password is required.',
                  minlength: 'Password must be at least 8 characters.',
                  maxlength: 'Password must be at most 1024 characters.',
                })
              }}</mat-error>
            }
          </mat-form-field>
        </div>
        @if (general(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving" />
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" form="user-form" [disabled]="busy()">
        {{ editing ? 'Save changes' : 'Create user' }}
      </button>
    </mat-dialog-actions>
  `,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UserDialog, User>>(MatDialogRef);
  private readonly api = inject(UsersApi);

  protected readonly editing = this.data.user !== null;
  protected readonly roles = USER_ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly managers = this.data.managers.filter((m) => m.id !== this.data.user?.id && m.active);
  protected readonly fieldError = fieldError;
  protected readonly busy = signal(false);
  protected readonly general = signal<string | null>(null);

  protected readonly form = new FormGroup(
    {
      name: new FormControl(this.data.user?.name ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)],
      }),
      email: new FormControl(this.data.user?.email ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.email, Validators.maxLength(320)],
      }),
      role: new FormControl<UserRole>(this.data.user?.role ?? 'pm', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      managerId: new FormControl(this.data.user?.managerId ?? '', { nonNullable: true }),
      timezone: new FormControl(this.data.user?.timezone ?? 'UTC', {
        nonNullable: true,
        validators: [timeZoneValidator],
      }),
      password: new FormControl('', {
        nonNullable: true,
        validators: [
          ...(this.data.user ? [] : [Validators.required]),
          Validators.minLength(8),
          Validators.maxLength(1024),
        ],
      }),
    },
    { validators: [lineManagerRule] },
  );

  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly isPm = computed(() => this.role() === 'pm');

  private readonly allZones = timeZones();
  protected readonly zoneOptions = toSignal(
    this.form.controls.timezone.valueChanges.pipe(
      startWith(''),
      map((text) => {
        const needle = (text ?? '').toLowerCase();
        return this.allZones.filter((z) => z.toLowerCase().includes(needle)).slice(0, 50);
      }),
    ),
    { initialValue: this.allZones.slice(0, 50) },
  );

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    this.form.updateValueAndValidity();
    if (this.form.invalid) return;
    const body = userBody(this.data.user, this.form.getRawValue());
    if (this.data.user && !Object.keys(body).length) {
      this.ref.close();
      return;
    }
    this.busy.set(true);
    this.general.set(null);
    try {
      const user = this.data.user
        ? await firstValueFrom(this.api.update(this.data.user.id, body))
        : await firstValueFrom(this.api.create(body as UserInput));
      this.ref.close(user);
    } catch (error) {
      const { message, body: apiBody } = describeError(error);
      this.general.set(applyApiErrors(this.form, apiBody, message, LABELS));
    } finally {
      this.busy.set(false);
    }
  }
}
