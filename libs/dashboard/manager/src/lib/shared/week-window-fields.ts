import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { provideIsoDateAdapter } from '@stint/dashboard-ui';
import { MatSelectModule } from '@angular/material/select';
import type { IsoDate } from '@stint/shared-dates';
import { inputWeek, shiftWindow } from './date-range';

/**
 * A window of whole weeks in a filter bar: its first week, how many weeks, and Earlier / now / Later.
 * The screen's own filters go inside the element and show between the weeks and the buttons.
 */
@Component({
  selector: 'lib-week-window-fields',
  imports: [MatFormFieldModule, MatInputModule, MatDatepickerModule, MatSelectModule, MatButtonModule],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./filter-fields.scss', './week-window-fields.scss'],
  templateUrl: './week-window-fields.html',
})
export class WeekWindowFields {
  /** The Monday the window starts on. */
  readonly from = input.required<IsoDate>();
  readonly weeks = input.required<number>();
  readonly weekOptions = input.required<readonly number[]>();
  /** The button back to the default window, e.g. `This week`. */
  readonly nowLabel = input.required<string>();
  /** A week picked in the date field (its Monday), or null for the default window. */
  readonly fromChange = output<IsoDate | null>();
  /** The start of the window after Earlier or Later. */
  readonly shifted = output<IsoDate>();
  readonly weeksChange = output<number>();

  protected pick(value: string | null): void {
    const week = inputWeek(value);
    if (week) this.fromChange.emit(week);
  }

  protected shift(direction: number): void {
    this.shifted.emit(shiftWindow(this.from(), this.weeks(), direction));
  }
}
