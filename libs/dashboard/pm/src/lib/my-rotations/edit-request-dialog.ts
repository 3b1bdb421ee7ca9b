import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { ProgrammePolicy, RotationRequest, Team } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom, map } from 'rxjs';
import { fieldError, setApiError } from '@stint/dashboard-ui';
import { PmApi, UpdateRequestBody } from '../data/pm-api.service';
import { dateValidator, weeksValidator } from '../shared/form-errors';
import { GoalsField, goalsValidator } from '../shared/goals-field';
import { RequestField, requestErrorsFrom } from '../shared/request-errors';
import { endDateFor, formatRange, isIsoDate } from '../util/dates';

export interface EditRequestData {
  request: RotationRequest;
  teams: Team[];
  policy: ProgrammePolicy | null;
}

/** Only what changed goes to the API; a new team, start or duration restarts approval there. */
export function changedFields(original: RotationRequest, edited: Required<UpdateRequestBody>): UpdateRequestBody {
  const body: UpdateRequestBody = {};
  if (edited.teamId !== original.teamId) body.teamId = edited.teamId;
  if (edited.startDate !== original.startDate) body.startDate = edited.startDate;
  if (edited.durationWeeks !== original.durationWeeks) body.durationWeeks = edited.durationWeeks;
  if (JSON.stringify(edited.goals) !== JSON.stringify(original.goals)) body.goals = edited.goals;
  if (edited.motivation.trim() !== (original.motivation ?? '').trim()) body.motivation = edited.motivation.trim();
  return body;
}

export function restartsApproval(body: UpdateRequestBody): boolean {
  return body.teamId !== undefined || body.startDate !== undefined || body.durationWeeks !== undefined;
}

@Component({
  selector: 'lib-edit-request-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatIconModule,
    MatProgressBarModule,
    GoalsField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 160px;
    }
    .notice {
      display: flex;
      gap: 8px;
      padding: 8px 12px;
      margin: 0 0 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .notice.strong {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <h2 mat-dialog-title>Edit request</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="edit-request-form" (ngSubmit)="save()">
        <p class="notice" [class.strong]="restarts()" role="status" data-testid="restart-warning">
          <mat-icon aria-hidden="true">{{ restarts() ? 'warning' : 'info' }}</mat-icon>
          @if (restarts()) {
            <span
              >You changed the team, dates or duration: saving sends the request back to your line manager, and approval
              starts again.</span
            >
          } @else {
            <span>Changing the team, dates or duration restarts approval. Goals and motivation can change freely.</span>
          }
        </p>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Team</mat-label>
            <mat-select formControlName="teamId" required>
              @for (team of teams; track team.id) {
                <mat-option [value]="team.id">{{ team.name }}</mat-option>
              }
            </mat-select>
            @if (form.controls.teamId.invalid) {
              <mat-error>{{ fieldError(form.controls.teamId, { required: 'Pick a team.' }) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Start date</mat-label>
            <input matInput type="date" formControlName="startDate" required />
            @if (range(); as r) {
              <mat-hint>{{ r }}</mat-hint>
            }
            @if (form.controls.startDate.invalid) {
              <mat-error>{{ fieldError(form.controls.startDate, { required: 'Pick a start date.' }) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Duration (weeks)</mat-label>
            <input matInput type="number" formControlName="durationWeeks" min="1" max="52" step="1" required />
            @if (form.controls.durationWeeks.invalid) {
              <mat-error>{{
                fieldError(form.controls.durationWeeks, { required: 'Enter a duration in weeks.' })
              }}</mat-error>
            }
          </mat-form-field>
        </div>
        <lib-goals-field [control]="form.controls.goals" />
        <mat-form-field appearance="outline">
          <mat-label>Motivation</mat-label>
          <textarea matInput formControlName="motivation" rows="3" maxlength="2000"></textarea>
          @if (form.controls.motivation.invalid) {
            <mat-error>{{
              fieldError(form.controls.motivation, { maxlength: 'Motivation must be at most 2000 characters.' })
            }}</mat-error>
          }
        </mat-form-field>
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
      <button mat-flat-button type="submit" form="edit-request-form" [disabled]="busy()">Save changes</button>
    </mat-dialog-actions>
  `,
})
export class EditRequestDialog {
  private readonly data = inject<EditRequestData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EditRequestDialog, RotationRequest>>(MatDialogRef);
  private readonly api = inject(PmApi);

  protected readonly fieldError = fieldError;
  protected readonly teams = this.data.teams.filter((t) => t.active || t.id === this.data.request.teamId);
  protected readonly busy = signal(false);
  protected readonly general = signal<string | null>(null);

  protected readonly form = new FormGroup({
    teamId: new FormControl(this.data.request.teamId, { nonNullable: true, validators: [Validators.required] }),
    startDate: new FormControl(this.data.request.startDate, {
      nonNullable: true,
      validators: [Validators.required, dateValidator],
    }),
    durationWeeks: new FormControl<number | null>(this.data.request.durationWeeks, {
      validators: [Validators.required, weeksValidator(() => this.data.policy)],
    }),
    goals: new FormControl<string[]>([...this.data.request.goals], { nonNullable: true, validators: [goalsValidator] }),
    motivation: new FormControl(this.data.request.motivation ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(2000)],
    }),
  });

  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  private readonly changes = computed(() => {
    const v = this.value();
    return changedFields(this.data.request, { ...v, durationWeeks: v.durationWeeks ?? 0 });
  });
  protected readonly restarts = computed(() => restartsApproval(this.changes()));
  protected readonly range = computed(() => {
    const { startDate, durationWeeks } = this.value();
    return isIsoDate(startDate) && durationWeeks && Number.isInteger(durationWeeks) && durationWeeks > 0
      ? formatRange(startDate, endDateFor(startDate, durationWeeks))
      : null;
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const body = this.changes();
    if (!Object.keys(body).length) {
      this.ref.close();
      return;
    }
    this.busy.set(true);
    this.general.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.updateRequest(this.data.request.id, body)));
    } catch (error) {
      const { message, body: apiBody } = describeError(error);
      const mapped = requestErrorsFrom(apiBody, message);
      for (const [field, text] of Object.entries(mapped.fields)) {
        const control = this.form.get(field as RequestField);
        if (control) setApiError(control, text);
        else this.general.set(text);
      }
      if (mapped.general) this.general.set(mapped.general);
    } finally {
      this.busy.set(false);
    }
  }
}
