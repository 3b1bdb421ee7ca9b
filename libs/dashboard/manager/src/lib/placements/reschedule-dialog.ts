import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Placement, SlotSuggestion } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { endDateFor, formatDay, formatRange, isIsoDate } from '../shared/dates';
import { PlacementsService } from './placements.service';

export interface RescheduleDialogData {
  placement: Placement;
  subject: string;
}

/** Moves a placement; the API re-checks every rule and answers in words when one fails. */
@Component({
  selector: 'lib-reschedule-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .fields {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    .fields mat-form-field {
      flex: 1;
      min-width: 160px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0 0 8px;
    }
    p {
      margin-top: 0;
    }
    ul {
      padding-left: 18px;
      margin: 4px 0 8px;
    }
  `,
  template: `
    <h2 mat-dialog-title>Reschedule placement</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p>
          {{ data.subject }}, now {{ current }}. Check-ins not yet completed move with it, and everyone gets updated
          invites.
        </p>
        <div class="fields">
          <mat-form-field appearance="outline">
            <mat-label>New start date</mat-label>
            <input matInput type="date" formControlName="startDate" required />
            @if (form.controls.startDate.invalid) {
              <mat-error>Pick a start date.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Duration in weeks</mat-label>
            <input matInput type="number" formControlName="durationWeeks" min="1" max="52" step="1" required />
            @if (form.controls.durationWeeks.invalid) {
              <mat-error>Whole weeks, 1 to 52.</mat-error>
            }
          </mat-form-field>
        </div>
        @if (newEnd(); as end) {
          <p>It would run until {{ end }}.</p>
        }
        @if (error(); as message) {
          <p class="error" role="alert" data-testid="reschedule-error">{{ message }}</p>
        }
        @if (suggestions().length) {
          <p>Free slots for this PM in this team:</p>
          <ul>
            @for (s of suggestions(); track s.startDate) {
              <li>
                <button mat-button type="button" (click)="use(s)">Use {{ range(s) }}</button>
              </li>
            }
          </ul>
        }
        <lib-loading [active]="busy()" label="Rescheduling…" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep the dates</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Reschedule</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RescheduleDialog {
  protected readonly data = inject<RescheduleDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RescheduleDialog, Placement>>(MatDialogRef);
  private readonly api = inject(PlacementsService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly suggestions = signal<SlotSuggestion[]>([]);
  protected readonly current = formatRange(this.data.placement.startDate, this.data.placement.endDate);
  protected readonly form = new FormGroup({
    startDate: new FormControl(this.data.placement.startDate, {
      nonNullable: true,
      validators: [Validators.required, (c) => (isIsoDate(String(c.value)) ? null : { date: true })],
    }),
    durationWeeks: new FormControl(this.data.placement.durationWeeks, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(52), Validators.pattern(/^\d+$/)],
    }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly newEnd = computed(() => {
    const { startDate, durationWeeks } = this.value();
    return isIsoDate(startDate) && Number.isInteger(Number(durationWeeks)) && Number(durationWeeks) > 0
      ? formatDay(endDateFor(startDate as string, Number(durationWeeks)))
      : null;
  });

  protected use(slot: SlotSuggestion): void {
    this.form.controls.startDate.setValue(slot.startDate);
    this.suggestions.set([]);
    this.error.set(null);
  }

  protected range(slot: SlotSuggestion): string {
    return formatRange(slot.startDate, slot.endDate);
  }

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.suggestions.set([]);
    try {
      const { startDate, durationWeeks } = this.form.getRawValue();
      this.ref.close(
        await firstValueFrom(this.api.reschedule(this.data.placement.id, startDate, Number(durationWeeks))),
      );
    } catch (error) {
      const { message, body } = describeError(error);
      this.error.set(message);
      const suggestions = body?.code === 'CAPACITY_FULL' ? body.details['suggestions'] : undefined;
      this.suggestions.set(Array.isArray(suggestions) ? (suggestions as SlotSuggestion[]) : []);
    } finally {
      this.busy.set(false);
    }
  }
}
