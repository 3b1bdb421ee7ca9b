import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { describeError } from '@stint/dashboard-session';
import type { Chart, ChartConfiguration } from 'chart.js';
import { catchError, combineLatest, firstValueFrom, forkJoin, map, of, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { isIsoDate } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { formatChange, formatPercent, SKILL_LABEL, SKILLS } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { PAGE_STYLES } from '../shared/page-styles';
import { injectRouteQuery } from '../shared/route-query';
import { SortDirection, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState, ErrorPanel } from '../shared/ui';
import { csvFileName, saveBlob } from './download';
import {
  completionByMonth,
  durationHistogram,
  durationVsChange,
  insightsByTeam,
  meanChangeByDuration,
  meanChangeBySkill,
  skillChanges,
  TeamInsight,
} from './insights';
import { INSIGHTS_QUERY, InsightsQuery, TEAM_TABLE_SIZES } from './insights.query';
import { InsightsService } from './insights.service';

const BASE_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  plugins: { legend: { display: false } },
};

const PALETTE = ['#0b57d0', '#146c2e', '#b3261e', '#7d5260'];

const TEAM_SORT: SortKeys<TeamInsight> = {
  team: (t) => t.teamName,
  placements: (t) => t.placements,
  weeks: (t) => t.averageWeeks,
  negotiation: (t) => t.negotiation,
  closing: (t) => t.closing,
  persistence: (t) => t.persistence,
};

@Component({
  selector: 'lib-insights-page',
  imports: [
    MatCardModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    PAGE_STYLES,
    `
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
        gap: 12px;
        margin: 12px 0;
      }
      .figure {
        font: var(--mat-sys-display-small);
        margin: 0;
      }
      .figure-label {
        margin: 0;
        color: var(--mat-sys-on-surface-variant);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr));
        gap: 16px;
      }
      mat-card {
        margin: 0;
      }
      h2.card-title {
        font: var(--mat-sys-title-medium);
        margin: 0 0 4px;
      }
      .chart-box {
        position: relative;
        height: 260px;
      }
      details {
        margin-top: 8px;
      }
      summary {
        cursor: pointer;
        color: var(--mat-sys-primary);
      }
      details table {
        border-collapse: collapse;
        margin-top: 4px;
        font: var(--mat-sys-body-small);
      }
      details th,
      details td {
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        padding: 2px 8px;
        text-align: left;
      }
      .spacer {
        flex: 1;
      }
    `,
  ],
  template: `
    <h1>Insights</h1>
    <p class="lead">
      What rotations teach: how long they run, how PMs' self-ratings move from the first check-in to the last, and
      whether longer stints teach more.
    </p>

    <div class="filters" role="group" aria-label="Filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From</mat-label>
        <input matInput type="date" [value]="q().from ?? ''" (change)="setDate('from', $event)" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>To</mat-label>
        <input matInput type="date" [value]="q().to ?? ''" (change)="setDate('to', $event)" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select [value]="q().team" (selectionChange)="set({ team: $event.value })">
          <mat-option value="">All teams</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="spacer"></span>
      <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="exporting()">Export CSV</button>
    </div>
    @if (exportError(); as error) {
      <lib-error-panel [message]="error" [retryable]="false" />
    }

    <lib-loading [active]="state().status === 'loading'" label="Loading insights…" />
    @if (state().error; as error) {
      <lib-error-panel [message]="error" (retry)="reload()" />
    } @else if (state().status === 'ready' && live().length === 0) {
      <lib-empty-state text="No rotations in this range yet. Widen the dates or pick another team." />
    }

    @if (live().length) {
      <section class="figures" aria-label="Figures">
        <mat-card appearance="outlined"
          ><mat-card-content
            ><p class="figure" data-testid="figure-rotations">{{ live().length }}</p>
            <p class="figure-label">rotations (not cancelled)</p></mat-card-content
          ></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content
            ><p class="figure">{{ averageWeeks() }}</p>
            <p class="figure-label">average length, weeks</p></mat-card-content
          ></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content
            ><p class="figure">{{ changes().length }}</p>
            <p class="figure-label">with a first-to-last rating change</p></mat-card-content
          ></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content
            ><p class="figure">{{ completion() }}</p>
            <p class="figure-label">check-in completion rate</p></mat-card-content
          ></mat-card
        >
      </section>

      <div class="charts">
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">Rotation lengths</h2>
            <div class="chart-box"><canvas #durations role="img" [attr.aria-label]="durationSummary()"></canvas></div>
            <details>
              <summary>Show the numbers</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Weeks</th>
                    <th scope="col">Rotations</th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of histogram(); track d.weeks) {
                    <tr>
                      <td>{{ d.weeks }}</td>
                      <td>{{ d.count }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">Skill change, first to last check-in</h2>
            <div class="chart-box"><canvas #skills role="img" [attr.aria-label]="skillSummary()"></canvas></div>
            <details>
              <summary>Show the numbers</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Skill</th>
                    <th scope="col">Mean change (1–5 scale)</th>
                  </tr>
                </thead>
                <tbody>
                  @for (s of skillList; track s) {
                    <tr>
                      <td>{{ skillLabel[s] }}</td>
                      <td>{{ change(bySkill()[s]) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">Length against skill change</h2>
            <div class="chart-box"><canvas #scatter role="img" [attr.aria-label]="scatterSummary()"></canvas></div>
            <details>
              <summary>Show the numbers</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Weeks</th>
                    <th scope="col">Rotations</th>
                    <th scope="col">Mean change</th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of trend(); track d.weeks) {
                    <tr>
                      <td>{{ d.weeks }}</td>
                      <td>{{ d.count }}</td>
                      <td>{{ change(d.mean) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">Check-in completion by month</h2>
            <div class="chart-box">
              <canvas #completionChart role="img" [attr.aria-label]="completionSummary()"></canvas>
            </div>
            <details>
              <summary>Show the numbers</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Completed</th>
                    <th scope="col">Due</th>
                    <th scope="col">Rate</th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of months(); track m.month) {
                    <tr>
                      <td>{{ m.month }}</td>
                      <td>{{ m.completed }}</td>
                      <td>{{ m.due }}</td>
                      <td>{{ percent(m.rate) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          </mat-card-content>
        </mat-card>
      </div>

      <h2>Per team</h2>
      <div class="table-frame" tabindex="0" role="region" aria-label="Insights per team">
        <table
          mat-table
          [dataSource]="teamPage()"
          matSort
          [matSortActive]="q().sort"
          [matSortDirection]="q().dir"
          matSortDisableClear
          (matSortChange)="sort($event)"
        >
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Team</th>
            <td mat-cell *matCellDef="let t">{{ t.teamName }}</td>
          </ng-container>
          <ng-container matColumnDef="placements">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Rotations</th>
            <td mat-cell *matCellDef="let t">
              {{ t.placements }} <span class="muted">({{ t.rated }} rated)</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="weeks">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Avg. weeks</th>
            <td mat-cell *matCellDef="let t">{{ round(t.averageWeeks) }}</td>
          </ng-container>
          @for (s of skillList; track s) {
            <ng-container [matColumnDef]="s">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ skillLabel[s] }}</th>
              <td mat-cell *matCellDef="let t">{{ change(t[s]) }}</td>
            </ng-container>
          }
          <tr mat-header-row *matHeaderRowDef="teamColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: teamColumns"></tr>
        </table>
      </div>
      <mat-paginator
        [length]="byTeam().length"
        [pageIndex]="q().page - 1"
        [pageSize]="q().pageSize"
        [pageSizeOptions]="teamSizes"
        (page)="page($event)"
        aria-label="Pages of teams"
      />
    }
  `,
})
export class InsightsPage {
  private readonly api = inject(InsightsService);
  private readonly directory = inject(DirectoryService);
  private readonly query = injectRouteQuery(INSIGHTS_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly skillList = SKILLS;
  protected readonly skillLabel = SKILL_LABEL;
  protected readonly teamSizes = [...TEAM_TABLE_SIZES];
  protected readonly teamColumns = ['team', 'placements', 'weeks', ...SKILLS];
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  protected readonly teams = toSignal(
    this.directory.directory().pipe(
      map((d) => d.teams),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  private readonly range = computed(() => ({ from: this.q().from, to: this.q().to, teamId: this.q().team }));
  protected readonly state = toSignal(
    combineLatest([toObservable(this.range), toObservable(this.tick)]).pipe(
      loadEach(([r]) =>
        forkJoin({
          placements: this.api.placements(r),
          overview: this.api.overview(r),
          directory: this.directory.directory().pipe(take(1)),
        }),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly live = computed(() =>
    (this.state().data?.placements ?? []).filter((p) => p.status !== 'cancelled'),
  );
  protected readonly changes = computed(() => skillChanges(this.live()));
  protected readonly histogram = computed(() => durationHistogram(this.live()));
  protected readonly bySkill = computed(() => meanChangeBySkill(this.changes()));
  protected readonly points = computed(() => durationVsChange(this.changes()));
  protected readonly trend = computed(() => meanChangeByDuration(this.changes()));
  protected readonly months = computed(() => completionByMonth(this.live()));
  protected readonly byTeam = computed(() => {
    const data = this.state().data;
    return data ? insightsByTeam(this.live(), data.directory.teamsById) : [];
  });
  protected readonly teamPage = computed(() => {
    const { sort, dir, page, pageSize } = this.q();
    return sortItems(this.byTeam(), TEAM_SORT, sort, dir).slice((page - 1) * pageSize, page * pageSize);
  });
  protected readonly averageWeeks = computed(() => {
    const live = this.live();
    return live.length ? this.round(live.reduce((sum, p) => sum + p.durationWeeks, 0) / live.length) : '—';
  });
  protected readonly completion = computed(() => {
    // With a team filter the programme-wide overview does not apply; count from the team's own check-ins.
    if (this.q().team) {
      const months = this.months();
      const due = months.reduce((n, m) => n + m.due, 0);
      return due ? formatPercent(months.reduce((n, m) => n + m.completed, 0) / due) : '—';
    }
    return formatPercent(this.state().data?.overview.checkInCompletionRate);
  });

  protected readonly durationSummary = computed(
    () =>
      `Bar chart of rotation lengths: ${this.histogram()
        .map((d) => `${d.count} of ${d.weeks} weeks`)
        .join(', ')}.`,
  );
  protected readonly skillSummary = computed(
    () =>
      `Bar chart of mean rating change: ${SKILLS.map((s) => `${SKILL_LABEL[s]} ${formatChange(this.bySkill()[s])}`).join(', ')}.`,
  );
  protected readonly scatterSummary = computed(
    () =>
      `Scatter of ${this.points().length} rotations, length in weeks against mean skill change; by length: ${this.trend()
        .map((t) => `${t.weeks} weeks ${formatChange(t.mean)}`)
        .join(', ')}.`,
  );
  protected readonly completionSummary = computed(
    () =>
      `Line chart of check-in completion per month: ${this.months()
        .map((m) => `${m.month} ${formatPercent(m.rate)}`)
        .join(', ')}.`,
  );

  private readonly durationsCanvas = viewChild<ElementRef<HTMLCanvasElement>>('durations');
  private readonly skillsCanvas = viewChild<ElementRef<HTMLCanvasElement>>('skills');
  private readonly scatterCanvas = viewChild<ElementRef<HTMLCanvasElement>>('scatter');
  private readonly completionCanvas = viewChild<ElementRef<HTMLCanvasElement>>('completionChart');

  constructor() {
    // chart.js loads only here, when the first chart is drawn, so it stays out of every other bundle.
    effect((onCleanup) => {
      const configs: Array<[ElementRef<HTMLCanvasElement> | undefined, ChartConfiguration]> = [
        [this.durationsCanvas(), this.durationConfig()],
        [this.skillsCanvas(), this.skillConfig()],
        [this.scatterCanvas(), this.scatterConfig()],
        [this.completionCanvas(), this.completionConfig()],
      ];
      if (configs.every(([canvas]) => !canvas)) return;
      const charts: Chart[] = [];
      let stopped = false;
      void import('chart.js/auto').then(({ default: ChartJs }) => {
        if (stopped) return;
        for (const [canvas, config] of configs) if (canvas) charts.push(new ChartJs(canvas.nativeElement, config));
      });
      onCleanup(() => {
        stopped = true;
        for (const chart of charts) chart.destroy();
      });
    });
  }

  private durationConfig(): ChartConfiguration {
    const data = this.histogram();
    return {
      type: 'bar',
      data: {
        labels: data.map((d) => `${d.weeks} wk`),
        datasets: [{ label: 'Rotations', data: data.map((d) => d.count), backgroundColor: PALETTE[0] }],
      },
      options: {
        ...BASE_OPTIONS,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Rotations' } } },
      },
    };
  }

  private skillConfig(): ChartConfiguration {
    const teams = this.byTeam().filter((t) => t.rated > 0);
    const overall = this.bySkill();
    return {
      type: 'bar',
      data: {
        labels: SKILLS.map((s) => SKILL_LABEL[s]),
        datasets: [
          { label: 'All teams', data: SKILLS.map((s) => overall[s] ?? 0), backgroundColor: '#1a1c1e' },
          ...teams.map((t, i) => ({
            label: t.teamName,
            data: SKILLS.map((s) => t[s] ?? 0),
            backgroundColor: PALETTE[i % PALETTE.length],
          })),
        ],
      },
      options: {
        ...BASE_OPTIONS,
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { y: { title: { display: true, text: 'Mean change (points)' } } },
      },
    };
  }

  private scatterConfig(): ChartConfiguration {
    return {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Rotation',
            data: this.points().map((p) => ({ x: p.x, y: p.y })),
            backgroundColor: PALETTE[0],
            pointRadius: 5,
          },
          {
            type: 'line',
            label: 'Mean by length',
            data: this.trend().map((t) => ({ x: t.weeks, y: t.mean })),
            borderColor: PALETTE[2],
            backgroundColor: PALETTE[2],
            pointRadius: 0,
          },
        ],
      } as ChartConfiguration['data'],
      options: {
        ...BASE_OPTIONS,
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'Length (weeks)' }, ticks: { precision: 0 } },
          y: { title: { display: true, text: 'Mean skill change' } },
        },
      },
    };
  }

  private completionConfig(): ChartConfiguration {
    const months = this.months();
    return {
      type: 'line',
      data: {
        labels: months.map((m) => m.month),
        datasets: [
          {
            label: 'Completed of due',
            data: months.map((m) => (m.rate === null ? null : Math.round(m.rate * 100))),
            borderColor: PALETTE[1],
            backgroundColor: PALETTE[1],
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'Percent completed' } } },
      },
    };
  }

  protected set(change: Partial<InsightsQuery>): void {
    this.query.update(change);
  }

  protected setDate(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.update({ [which]: isIsoDate(value) ? value : null });
  }

  protected sort(sort: Sort): void {
    this.query.update({ sort: sort.active as InsightsQuery['sort'], dir: (sort.direction || 'asc') as SortDirection });
  }

  protected page(event: PageEvent): void {
    this.query.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const { from, to } = this.q();
      saveBlob(await firstValueFrom(this.api.exportCsv({ from, to })), csvFileName(from, to));
    } catch (error) {
      this.exportError.set(`The export failed: ${describeError(error).message}`);
    } finally {
      this.exporting.set(false);
    }
  }

  protected change(value: number | null | undefined): string {
    return formatChange(value);
  }

  protected percent(rate: number | null | undefined): string {
    return formatPercent(rate);
  }

  protected round(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10);
  }
}
