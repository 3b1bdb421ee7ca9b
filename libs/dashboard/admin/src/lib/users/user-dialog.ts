import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { MatSelectModule } from '@angular/material/select';
import { USER_ROLES, type User, type UserRole } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { fieldError, FormDialog, FormSubmit } from '@stint/dashboard-ui';
import { UserInput, UsersApi } from '../data/users.api';
import { TimeZoneField, timeZoneValidator } from '@stint/dashboard-ui';

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
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, FormDialog, TimeZoneField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/dialog-form.scss',
  templateUrl: './user-dialog.html',
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

  protected readonly submit = new FormSubmit({ form: this.form, describeError, labels: LABELS });

  save(): Promise<void> {
    return this.submit.send(
      () => {
        const user = this.data.user;
        const body = userBody(user, this.form.getRawValue());
        if (!user) return this.api.create(body as UserInput);
        return Object.keys(body).length ? this.api.update(user.id, body) : null;
      },
      (saved) => this.ref.close(saved),
    );
  }
}
