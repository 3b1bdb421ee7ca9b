import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** The end of a check-in form: what went wrong, progress while sending, and the submit button. */
@Component({
  selector: 'lib-form-footer',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './form-footer.html',
})
export class FormFooter {
  readonly error = input<string | null>(null);
  readonly busy = input(false);
  /** The progress bar's accessible name, e.g. "Saving the reflection". */
  readonly busyLabel = input.required<string>();
  readonly submitLabel = input.required<string>();
}
