import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { ProgrammePolicy, RotationRequest, Team } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom, map } from 'rxjs';
import { fieldError, provideIsoDateAdapter, setApiError } from '@stint/dashboard-ui';
import { PmApi, UpdateRequestBody } from '../data/pm-api.service';
import { dateValidator, weeksValidator } from '../shared/form-errors';
import { GoalsField, goalsValidator } from '../shared/goals-field';
import { RequestField, requestErrorsFrom } from '../shared/request-errors';
import { endDateFor, isIsoDate } from '@stint/shared-dates';
import { formatRange } from '../util/date-format';

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
    MatDatepickerModule,
    MatSelectModule,
    MatIconModule,
    MatProgressBarModule,
    GoalsField,
  ],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './edit-request-dialog.scss',
  templateUrl: './edit-request-dialog.html',
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
