import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import type { Placement, SlotSuggestion } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { Loading, provideIsoDateAdapter } from '@stint/dashboard-ui';
import { endDateFor, isIsoDate } from '@stint/shared-dates';
import { formatDay, formatRange } from '../shared/date-format';
import { PlacementsService } from './placements.service';

export interface RescheduleDialogData {
  placement: Placement;
  subject: string;
}

/** Moves a placement; the API re-checks every rule and answers in words when one fails. */
@Component({
  selector: 'lib-reschedule-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatButtonModule,
    Loading,
  ],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './reschedule-dialog.scss',
  templateUrl: './reschedule-dialog.html',
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
