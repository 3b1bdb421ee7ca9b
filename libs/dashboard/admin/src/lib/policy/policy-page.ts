import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProgrammePolicy } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { fieldError } from '@stint/dashboard-ui';
import { PolicyApi } from '../data/policy.api';
import { applyApiErrors } from '../shared/api-form-errors';
import { POLICY_LABEL, policyChanges, policyErrors, PolicyField } from './policy-rules';

/** Each field is checked against the whole policy, so "max ≥ min" shows under the maximum. */
function policyRule(field: PolicyField) {
  return (control: AbstractControl): ValidationErrors | null => {
    const group = control.parent;
    if (!group) return null;
    const message = policyErrors({ ...(group.getRawValue() as Partial<ProgrammePolicy>), [field]: control.value })[
      field
    ];
    return message ? { policy: message } : null;
  };
}

@Component({
  selector: 'lib-policy-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    mat-card {
      max-width: 760px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 220px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
  `,
  template: `
    <div class="head"><h1>Programme policy</h1></div>
    <p class="lead">
      The rules every request, approval and reschedule is checked against, and the rhythm of check-ins and reminders.
    </p>
    @if (loadError(); as message) {
      <p class="error" role="alert">Could not load the policy: {{ message }}</p>
    } @else if (!loaded()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the policy" />
    } @else {
      <mat-card appearance="outlined">
        <mat-card-content>
          <form [formGroup]="form" (ngSubmit)="save()" aria-label="Programme policy">
            <h2>Rotation length</h2>
            <div class="row">
              <mat-form-field appearance="outline">
                <mat-label>{{ label.minWeeks }}</mat-label>
                <input matInput type="number" formControlName="minWeeks" min="1" max="52" step="1" required />
                @if (form.controls.minWeeks.invalid) {
                  <mat-error>{{ fieldError(form.controls.minWeeks) }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ label.maxWeeks }}</mat-label>
                <input matInput type="number" formControlName="maxWeeks" min="1" max="52" step="1" required />
                @if (form.controls.maxWeeks.invalid) {
                  <mat-error data-testid="max-weeks-error">{{ fieldError(form.controls.maxWeeks) }}</mat-error>
                }
              </mat-form-field>
            </div>
            <h2>Check-ins and reminders</h2>
            <div class="row">
              <mat-form-field appearance="outline">
                <mat-label>{{ label.checkinTime }}</mat-label>
                <input matInput formControlName="checkinTime" placeholder="10:00" inputmode="numeric" required />
                <mat-hint>HH:MM, in each PM's time zone.</mat-hint>
                @if (form.controls.checkinTime.invalid) {
                  <mat-error>{{ fieldError(form.controls.checkinTime) }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ label.reminderLeadHours }}</mat-label>
                <input matInput type="number" formControlName="reminderLeadHours" min="0" max="720" step="1" required />
                <mat-hint>Reminder this long before each check-in.</mat-hint>
                @if (form.controls.reminderLeadHours.invalid) {
                  <mat-error>{{ fieldError(form.controls.reminderLeadHours) }}</mat-error>
                }
              </mat-form-field>
            </div>
            <div class="row">
              <mat-form-field appearance="outline">
                <mat-label>{{ label.overdueAfterHours }}</mat-label>
                <input matInput type="number" formControlName="overdueAfterHours" min="0" max="720" step="1" required />
                <mat-hint>A check-in not completed by then is overdue.</mat-hint>
                @if (form.controls.overdueAfterHours.invalid) {
                  <mat-error>{{ fieldError(form.controls.overdueAfterHours) }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ label.followUpDays }}</mat-label>
                <input matInput type="number" formControlName="followUpDays" min="0" max="365" step="1" required />
                <mat-hint>Follow-up check-in this long after the last day.</mat-hint>
                @if (form.controls.followUpDays.invalid) {
                  <mat-error>{{ fieldError(form.controls.followUpDays) }}</mat-error>
                }
              </mat-form-field>
            </div>
            @if (formError(); as message) {
              <p class="error" role="alert">{{ message }}</p>
            }
            @if (busy()) {
              <mat-progress-bar mode="indeterminate" aria-label="Saving the policy" />
            }
            <div class="actions">
              <button mat-button type="button" (click)="reset()" [disabled]="busy() || form.pristine">
                Undo changes
              </button>
              <button mat-flat-button type="submit" [disabled]="busy()">Save policy</button>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    }
  `,
})
export class PolicyPage {
  private readonly api = inject(PolicyApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly label = POLICY_LABEL;
  protected readonly fieldError = fieldError;
  protected readonly loaded = signal<ProgrammePolicy | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = new FormGroup({
    minWeeks: new FormControl<number | null>(null, [Validators.required, policyRule('minWeeks')]),
    maxWeeks: new FormControl<number | null>(null, [Validators.required, policyRule('maxWeeks')]),
    checkinTime: new FormControl('', { nonNullable: true, validators: [policyRule('checkinTime')] }),
    reminderLeadHours: new FormControl<number | null>(null, [Validators.required, policyRule('reminderLeadHours')]),
    overdueAfterHours: new FormControl<number | null>(null, [Validators.required, policyRule('overdueAfterHours')]),
    followUpDays: new FormControl<number | null>(null, [Validators.required, policyRule('followUpDays')]),
  });

  constructor() {
    // The maximum is judged against the minimum, so it is re-checked when the minimum moves.
    this.form.controls.minWeeks.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.maxWeeks.updateValueAndValidity({ emitEvent: false });
      this.form.controls.maxWeeks.markAsTouched();
    });
    this.api
      .get()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (policy) => this.show(policy),
        error: (error: unknown) => this.loadError.set(describeError(error).message),
      });
  }

  protected reset(): void {
    const policy = this.loaded();
    if (policy) this.show(policy);
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Some values are not allowed: see the messages next to them.');
      return;
    }
    const before = this.loaded();
    if (!before) return;
    const changes = policyChanges(before, this.form.getRawValue() as ProgrammePolicy);
    if (!Object.keys(changes).length) {
      this.snackBar.open('Nothing changed.', 'OK', { duration: 3000 });
      return;
    }
    this.busy.set(true);
    this.formError.set(null);
    try {
      const saved = await firstValueFrom(this.api.update(changes));
      this.show(saved);
      this.snackBar.open('Policy saved. Requests and approvals are checked against it from now on.', 'OK', {
        duration: 6000,
      });
    } catch (error) {
      const { message, body } = describeError(error);
      this.formError.set(applyApiErrors(this.form, body, message, POLICY_LABEL));
    } finally {
      this.busy.set(false);
    }
  }

  private show(policy: ProgrammePolicy): void {
    this.loaded.set(policy);
    this.form.reset(policy);
    this.form.updateValueAndValidity();
  }
}
