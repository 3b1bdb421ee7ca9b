import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { provideIsoDateAdapter } from '@stint/dashboard-ui';
import type { IsoDate } from '@stint/shared-dates';
import { DateRange, inputDate } from './date-range';

/**
 * From / To date fields of a filter bar (and, with `clearLabel`, a button that opens both ends again).
 * Emits the changed end; the screen writes it to the URL. Sits in the bar's flex row as if its fields were the bar's.
 */
@Component({
  selector: 'lib-date-range-fields',
  imports: [MatFormFieldModule, MatInputModule, MatDatepickerModule, MatButtonModule],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './filter-fields.scss',
  templateUrl: './date-range-fields.html',
})
export class DateRangeFields {
  readonly from = input.required<IsoDate | null>();
  readonly to = input.required<IsoDate | null>();
  /** The words of the button that clears the range; no button when empty. */
  readonly clearLabel = input('');
  readonly rangeChange = output<Partial<DateRange>>();

  protected pick(end: keyof DateRange, value: string | null): void {
    this.rangeChange.emit({ [end]: inputDate(value) });
  }
}
