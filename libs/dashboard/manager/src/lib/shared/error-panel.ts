import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** A failure in words, with a way to try again. */
@Component({
  selector: 'lib-error-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './error-panel.scss',
  templateUrl: './error-panel.html',
})
export class ErrorPanel {
  readonly message = input.required<string>();
  readonly retryable = input(true);
  readonly retry = output<void>();
}
