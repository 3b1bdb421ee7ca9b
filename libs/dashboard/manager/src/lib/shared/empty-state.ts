import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What an empty list means, in a sentence. */
@Component({
  selector: 'lib-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './empty-state.scss',
  templateUrl: './empty-state.html',
})
export class EmptyState {
  readonly text = input.required<string>();
}
