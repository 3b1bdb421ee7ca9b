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
import { MatSelectModule } from '@angular/material/select';
import type { Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { fieldError, FormDialog, FormSubmit, wholeNumber } from '@stint/dashboard-ui';
import { TeamInput, TeamsApi } from '../data/teams.api';
import { TimeZoneField, timeZoneValidator } from '@stint/dashboard-ui';

export interface TeamDialogData {
  team: Team | null;
  managers: User[];
}

const LABELS = {
  name: 'Name',
  managerId: 'Manager',
  capacity: 'Capacity',
  region: 'Region',
  segment: 'Segment',
  timezone: 'Time zone',
  holidayCountry: 'Holiday country',
};

export function countryValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || /^[A-Za-z]{2}$/.test(control.value.trim())
    ? null
    : { country: 'Holiday country must be a two-letter country code with a known holiday calendar, e.g. DE or US.' };
}

type TeamForm = {
  name: string;
  managerId: string;
  capacity: number | null;
  region: string;
  segment: string;
  timezone: string;
  holidayCountry: string;
};

/** Create: every field. Edit: only what changed. An empty holiday country means none. */
export function teamBody(before: Team | null, v: TeamForm): Partial<TeamInput> {
  const full: TeamInput = {
    name: v.name.trim(),
    managerId: v.managerId,
    capacity: v.capacity ?? 0,
    region: v.region.trim(),
    segment: v.segment.trim(),
    timezone: v.timezone.trim() || 'UTC',
    holidayCountry: v.holidayCountry.trim() ? v.holidayCountry.trim().toUpperCase() : null,
  };
  if (!before) return full;
  const changes: Partial<TeamInput> = {};
  for (const key of ['name', 'managerId', 'capacity', 'region', 'segment', 'timezone', 'holidayCountry'] as const) {
    if (full[key] !== (before[key] ?? null)) (changes as Record<string, unknown>)[key] = full[key];
  }
  return changes;
}

@Component({
  selector: 'lib-team-dialog',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, FormDialog, TimeZoneField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/dialog-form.scss',
  templateUrl: './team-dialog.html',
})
export class TeamDialog {
  protected readonly data = inject<TeamDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TeamDialog, Team>>(MatDialogRef);
  private readonly api = inject(TeamsApi);

  protected readonly fieldError = fieldError;
  protected readonly managers = this.data.managers.filter((m) => m.active || m.id === this.data.team?.managerId);

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.team?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(120)],
    }),
    managerId: new FormControl(this.data.team?.managerId ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    capacity: new FormControl<number | null>(this.data.team?.capacity ?? 2, {
      validators: [Validators.required, wholeNumber('Capacity', 1, 1000)],
    }),
    region: new FormControl(this.data.team?.region ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(80)],
    }),
    segment: new FormControl(this.data.team?.segment ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(80)],
    }),
    timezone: new FormControl(this.data.team?.timezone ?? 'UTC', {
      nonNullable: true,
      validators: [timeZoneValidator],
    }),
    holidayCountry: new FormControl(this.data.team?.holidayCountry ?? '', {
      nonNullable: true,
      validators: [countryValidator],
    }),
  });

  protected readonly submit = new FormSubmit({
    form: this.form,
    describeError,
    labels: LABELS,
    placeError: (body) => {
      if (body.code !== 'INVALID_STATE' || !('peakBooked' in (body.details ?? {}))) return false;
      // Lowering capacity below what is already booked: the sentence belongs under capacity.
      this.form.controls.capacity.setErrors({ api: body.message });
      this.form.controls.capacity.markAsTouched();
      return true;
    },
  });

  save(): Promise<void> {
    return this.submit.send(
      () => {
        const team = this.data.team;
        const body = teamBody(team, this.form.getRawValue());
        if (!team) return this.api.create(body as TeamInput);
        return Object.keys(body).length ? this.api.update(team.id, body) : null;
      },
      (saved) => this.ref.close(saved),
    );
  }
}
