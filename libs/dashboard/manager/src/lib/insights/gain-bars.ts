import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MeanInterval } from '@stint/contracts';
import { formatChange } from '../shared/labels';
import { formatGain, GainScale, missingGain, position, Viewpoint, VIEWPOINT } from './outcomes';

export interface GainRow {
  viewpoint: Viewpoint;
  value: MeanInterval | null;
  /** How many rotations carry this rating, when known: said when there is no interval. */
  count: number | null;
}

export interface GainGroup {
  key: string;
  label: string;
  /** A short line beside the label, e.g. "12 finished rotations". */
  note?: string;
  rows: GainRow[];
}

/**
 * Mean gains as bars from 0 with their 95% intervals as whiskers, one row per viewpoint, on one shared axis.
 * Every number is also written beside its bar (mean, interval, n), so the drawing itself is decoration for
 * assistive technology.
 */
@Component({
  selector: 'lib-gain-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './gain-bars.scss',
  templateUrl: './gain-bars.html',
})
export class GainBars {
  readonly groups = input.required<GainGroup[]>();
  readonly scale = input.required<GainScale>();
  /** The chart's accessible name. */
  readonly label = input.required<string>();
  /** The heading level of each group's label. */
  readonly level = input(3);

  protected readonly viewpoint = VIEWPOINT;
  protected readonly formatGain = formatGain;
  protected readonly missing = missingGain;
  protected readonly formatTick = formatChange;

  protected pos(value: number): number {
    return position(value, this.scale());
  }

  protected bar(value: MeanInterval): { left: number; width: number } {
    const zero = this.pos(0);
    const mean = this.pos(value.mean);
    return { left: Math.min(zero, mean), width: Math.abs(mean - zero) };
  }

  /** The interval's span on the axis; an end beyond the axis is drawn without its cap. */
  protected whisker(value: MeanInterval): { left: number; width: number; openLow: boolean; openHigh: boolean } {
    const { min, max } = this.scale();
    const lo = this.pos(value.ci95[0]);
    return {
      left: lo,
      width: this.pos(value.ci95[1]) - lo,
      openLow: value.ci95[0] < min,
      openHigh: value.ci95[1] > max,
    };
  }
}
