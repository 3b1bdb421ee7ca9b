import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
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
import type { Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom, map, startWith } from 'rxjs';
import { fieldError } from '@stint/dashboard-ui';
import { TeamInput, TeamsApi } from '../data/teams.api';
import { applyApiErrors, wholeNumber } from '../shared/api-form-errors';
import { timeZoneValidator } from '../users/user-dialog';
import { timeZones } from '../util/format';

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
    <h2 mat-dialog-title>{{ data.team ? 'Edit ' + data.team.name : 'New sales team' }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="team-form" (ngSubmit)="save()">
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required maxlength="120" />
            @if (form.controls.name.invalid) {
              <mat-error>{{
                fieldError(form.controls.name, {
                  required: 'Name is required.',
                  pattern: 'Name is required.',
                  maxlength: 'Name must be at most 120 characters.',
                })
              }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Manager</mat-label>
            <mat-select formControlName="managerId" required>
              @for (m of managers; track m.id) {
                <mat-option [value]="m.id">{{ m.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>Approves hosting PMs in this team.</mat-hint>
            @if (form.controls.managerId.invalid) {
              <mat-error>{{
                fieldError(form.controls.managerId, { required: 'Pick the manager of this team.' })
              }}</mat-error>
            }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Capacity</mat-label>
            <input matInput type="number" formControlName="capacity" min="1" max="1000" step="1" required />
            <mat-hint>PMs the team can host on any one day.</mat-hint>
            @if (form.controls.capacity.invalid) {
              <mat-error>{{ fieldError(form.controls.capacity, { required: 'Capacity is required.' }) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Region</mat-label>
            <input matInput formControlName="region" maxlength="80" />
            @if (form.controls.region.invalid) {
              <mat-error>{{
                fieldError(form.controls.region, { maxlength: 'Region must be at most 80 characters.' })
              }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Segment</mat-label>
            <input matInput formControlName="segment" maxlength="80" />
            @if (form.controls.segment.invalid) {
              <mat-error>{{
                fieldError(form.controls.segment, { maxlength: 'Segment must be at most 80 characters.' })
              }}</mat-error>
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
            <mat-hint>"Today" for start dates is the team's today.</mat-hint>
            @if (form.controls.timezone.invalid) {
              <mat-error>{{ fieldError(form.controls.timezone) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Holiday country</mat-label>
            <input matInput formControlName="holidayCountry" maxlength="2" autocomplete="off" />
            <mat-hint>Two letters, e.g. DE. Check-ins skip its public holidays.</mat-hint>
            @if (form.controls.holidayCountry.invalid) {
              <mat-error>{{ fieldError(form.controls.holidayCountry) }}</mat-error>
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
      <button mat-flat-button type="submit" form="team-form" [disabled]="busy()">
        {{ data.team ? 'Save changes' : 'Create team' }}
      </button>
    </mat-dialog-actions>
  `,
})
export class TeamDialog {
  protected readonly data = inject<TeamDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TeamDialog, Team>>(MatDialogRef);
  private readonly api = inject(TeamsApi);

  protected readonly fieldError = fieldError;
  protected readonly managers = this.data.managers.filter((m) => m.active || m.id === this.data.team?.managerId);
  protected readonly busy = signal(false);
  protected readonly general = signal<string | null>(null);

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

  private readonly allZones = timeZones();
  protected readonly zoneOptions = toSignal(
    this.form.controls.timezone.valueChanges.pipe(
      startWith(''),
      map((text) => this.allZones.filter((z) => z.toLowerCase().includes((text ?? '').toLowerCase())).slice(0, 50)),
    ),
    { initialValue: this.allZones.slice(0, 50) },
  );

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const body = teamBody(this.data.team, this.form.getRawValue());
    if (this.data.team && !Object.keys(body).length) {
      this.ref.close();
      return;
    }
    this.busy.set(true);
    this.general.set(null);
    try {
      const team = this.data.team
        ? await firstValueFrom(this.api.update(this.data.team.id, body))
        : await firstValueFrom(this.api.create(body as TeamInput));
      this.ref.close(team);
    } catch (error) {
      const { message, body: apiBody } = describeError(error);
      if (apiBody?.code === 'INVALID_STATE' && 'peakBooked' in (apiBody.details ?? {})) {
        // Lowering capacity below what is already booked: the sentence belongs under capacity.
        this.form.controls.capacity.setErrors({ api: apiBody.message });
        this.form.controls.capacity.markAsTouched();
        return;
      }
      this.general.set(applyApiErrors(this.form, apiBody, message, LABELS));
    } finally {
      this.busy.set(false);
    }
  }
}
