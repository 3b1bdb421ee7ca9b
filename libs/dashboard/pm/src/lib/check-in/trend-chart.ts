import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHECK_IN_KIND_LABEL } from '../shared/rotations';
import { formatInstant } from '../util/dates';
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
  styles: `
    :host {
      display: block;
    }
    svg {
      width: 100%;
      height: auto;
      max-height: 260px;
    }
    .legend {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin: 4px 0 8px;
      padding: 0;
      list-style: none;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 24px;
      height: 0;
      border-top-width: 3px;
    }
    .change {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin: 8px 0;
      padding: 0;
      list-style: none;
    }
    .change li {
      padding: 4px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    td.num,
    th.num {
      text-align: right;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  template: `
    @if (trend().points.length) {
      @if (trend().change; as change) {
        <ul class="change" aria-label="Change from the first to the latest check-in" data-testid="trend-change">
          @for (skill of skills; track skill) {
            <li>
              {{ label[skill] }} <strong>{{ format(change[skill]) }}</strong>
            </li>
          }
        </ul>
      }
      <ul class="legend" aria-hidden="true">
        @for (skill of skills; track skill) {
          <li>
            <span
              class="swatch"
              [style.border-top]="'3px ' + (style[skill].dash ? 'dashed' : 'solid') + ' ' + style[skill].color"
            ></span
            >{{ label[skill] }}
          </li>
        }
      </ul>
      <svg [attr.viewBox]="'0 0 ' + g.width + ' ' + g.height" role="img" [attr.aria-label]="summary()">
        @for (level of levels; track level) {
          <line
            [attr.x1]="g.padding"
            [attr.x2]="g.width - g.padding"
            [attr.y1]="y(level)"
            [attr.y2]="y(level)"
            stroke="#c4c6d0"
            stroke-width="1"
          />
          <text [attr.x]="g.padding - 10" [attr.y]="y(level) + 4" font-size="12" text-anchor="end" fill="#44474e">
            {{ level }}
          </text>
        }
        @for (skill of skills; track skill) {
          <polyline
            [attr.points]="lines()[skill]"
            fill="none"
            [attr.stroke]="style[skill].color"
            stroke-width="3"
            [attr.stroke-dasharray]="style[skill].dash"
          />
        }
      </svg>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Ratings per check-in">
        <table data-testid="trend-table">
          <caption class="sr-only">
            Your self-ratings per check-in, 1 to 5
          </caption>
          <thead>
            <tr>
              <th scope="col">Check-in</th>
              <th scope="col">When</th>
              @for (skill of skills; track skill) {
                <th scope="col" class="num">{{ label[skill] }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (p of trend().points; track p.checkInId) {
              <tr>
                <td>{{ kindLabel[p.kind] }}</td>
                <td>{{ when(p.scheduledAt) }}</td>
                <td class="num">{{ p.negotiation }}</td>
                <td class="num">{{ p.closing }}</td>
                <td class="num">{{ p.persistence }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p>No completed check-ins yet: the trend appears after the first reflection.</p>
    }
  `,
})
export class TrendChart {
  readonly trend = input.required<RatingTrend>();
  readonly timeZone = input('UTC');

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
    return `Self-ratings over ${points.length} check-ins. Latest: ${now}.`;
  });

  protected y(level: number): number {
    return GEOMETRY.padding + (GEOMETRY.height - 2 * GEOMETRY.padding) * (1 - (level - 1) / 4);
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone());
  }
}
