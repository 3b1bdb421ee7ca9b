import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** A thin progress bar while a screen loads; announced once to screen readers. */
@Component({
  selector: 'lib-loading',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './loading.scss',
  templateUrl: './loading.html',
})
export class Loading {
  readonly active = input(true);
  readonly label = input('Loading…');
}
