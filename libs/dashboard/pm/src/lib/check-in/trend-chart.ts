import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHECK_IN_KIND_LABEL } from '../shared/rotations';
import { formatInstant } from '../util/date-format';
import { ChartGeometry, formatChange, linePoints, RatingTrend, SKILL_LABEL, SKILLS } from './rating-trend';

const GEOMETRY: ChartGeometry = { width: 640, height: 220, padding: 28 };
const STYLE = {
  negotiation: { color: '#1b5fb4', dash: '' },
  closing: { color: '#b3261e', dash: '8 4' },
  persistence: { color: '#2e7d32', dash: '2 4' },
} as const;

/** The PM's three self-ratings over their check-ins: lines to see the direction, a table for the numbers. */
@Component({
  selector: 'lib-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './trend-chart.scss',
  templateUrl: './trend-chart.html',
})
export class TrendChart {
  readonly trend = input.required<RatingTrend>();
  readonly timeZone = input('UTC');
  /** Whose self-ratings these are, as the reader says it: "Your" for the PM, "Ana’s" for their managers. */
  readonly whose = input('Your');

  protected readonly g = GEOMETRY;
  protected readonly skills = SKILLS;
  protected readonly label = SKILL_LABEL;
  protected readonly style = STYLE;
  protected readonly kindLabel = CHECK_IN_KIND_LABEL;
  protected readonly levels = [1, 2, 3, 4, 5];
  protected readonly format = formatChange;

  protected readonly lines = computed(() => {
    const points = this.trend().points;
    return {
      negotiation: linePoints(
        points.map((p) => p.negotiation),
        GEOMETRY,
      ),
      closing: linePoints(
        points.map((p) => p.closing),
        GEOMETRY,
      ),
      persistence: linePoints(
        points.map((p) => p.persistence),
        GEOMETRY,
      ),
    };
  });

  protected readonly summary = computed(() => {
    const { points, change } = this.trend();
    const latest = points[points.length - 1];
    if (!latest) return 'No ratings yet';
    const now = SKILLS.map(
      (s) => `${SKILL_LABEL[s]} ${latest[s]}${change ? ` (${formatChange(change[s])})` : ''}`,
    ).join(', ');
    return `${this.whose()} self-ratings over ${points.length} check-ins. Latest: ${now}.`;
  });

  protected y(level: number): number {
    return GEOMETRY.padding + (GEOMETRY.height - 2 * GEOMETRY.padding) * (1 - (level - 1) / 4);
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone());
  }
}
