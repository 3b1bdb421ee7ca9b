import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

/** The Team filter of a filter bar: all teams, or one; emits the picked team's id ('' for all). */
@Component({
  selector: 'lib-team-filter',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './filter-fields.scss',
  templateUrl: './team-filter.html',
})
export class TeamFilter {
  readonly teams = input.required<ReadonlyArray<{ id: string; name: string }>>();
  /** The selected team's id, '' for all teams. */
  readonly value = input.required<string>();
  /** The words of the "every team" choice; null when one team must be picked (no such choice). */
  readonly allLabel = input<string | null>('All teams');
  readonly valueChange = output<string>();
}
