import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** A thin progress bar while a screen loads; announced once to screen readers. */
@Component({
  selector: 'lib-loading',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      min-height: 4px;
      margin: 4px 0;
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  template: `
    @if (active()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
      <span class="sr" role="status">{{ label() }}</span>
    }
  `,
})
export class Loading {
  readonly active = input(true);
  readonly label = input('Loading…');
}
