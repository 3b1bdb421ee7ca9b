import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AnyStatus, STATUS_LABEL } from './labels';

/** A status in words on a tinted pill; the colours keep 4.5:1 contrast. */
@Component({
  selector: 'lib-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './status-chip.scss',
  host: { '[class]': '"s-" + status()' },
  templateUrl: './status-chip.html',
})
export class StatusChip {
  readonly status = input.required<AnyStatus>();
  protected readonly label = computed(() => STATUS_LABEL[this.status()] ?? this.status());
}
