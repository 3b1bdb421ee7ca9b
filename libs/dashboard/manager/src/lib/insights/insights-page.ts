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
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { describeError } from '@stint/dashboard-session';
import type { Chart, ChartConfiguration } from 'chart.js';
import { catchError, combineLatest, firstValueFrom, forkJoin, map, of, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { DateRangeFields } from '../shared/date-range-fields';
import { DirectoryService } from '../shared/directory.service';
import { formatChange, formatPercent, SKILL_LABEL, SKILLS } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { injectRouteQuery } from '../shared/route-query';
import { sortChange, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState } from '../shared/empty-state';
import { TeamFilter } from '../shared/team-filter';
import { ErrorPanel } from '../shared/error-panel';
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
import {
  completionChart,
  completionSummary,
  durationChart,
  durationSummary,
  scatterChart,
  scatterSummary,
  skillChart,
  skillSummary,
} from './insights-charts';
import { INSIGHTS_QUERY, InsightsQuery, TEAM_TABLE_SIZES } from './insights.query';
import { InsightsService } from './insights.service';

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
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    DateRangeFields,
    TeamFilter,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './insights-page.scss'],
  templateUrl: './insights-page.html',
})
export class InsightsPage {
  private readonly api = inject(InsightsService);
  private readonly directory = inject(DirectoryService);
  protected readonly query = injectRouteQuery(INSIGHTS_QUERY);
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

  protected readonly durationSummary = computed(() => durationSummary(this.histogram()));
  protected readonly skillSummary = computed(() => skillSummary(this.bySkill()));
  protected readonly scatterSummary = computed(() => scatterSummary(this.points(), this.trend()));
  protected readonly completionSummary = computed(() => completionSummary(this.months()));

  private readonly durationsCanvas = viewChild<ElementRef<HTMLCanvasElement>>('durations');
  private readonly skillsCanvas = viewChild<ElementRef<HTMLCanvasElement>>('skills');
  private readonly scatterCanvas = viewChild<ElementRef<HTMLCanvasElement>>('scatter');
  private readonly completionCanvas = viewChild<ElementRef<HTMLCanvasElement>>('completionChart');

  constructor() {
    // chart.js loads only here, when the first chart is drawn, so it stays out of every other bundle.
    effect((onCleanup) => {
      const configs: Array<[ElementRef<HTMLCanvasElement> | undefined, ChartConfiguration]> = [
        [this.durationsCanvas(), durationChart(this.histogram())],
        [this.skillsCanvas(), skillChart(this.bySkill(), this.byTeam())],
        [this.scatterCanvas(), scatterChart(this.points(), this.trend())],
        [this.completionCanvas(), completionChart(this.months())],
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

  protected set(change: Partial<InsightsQuery>): void {
    this.query.update(change);
  }

  protected sort(sort: Sort): void {
    this.query.update(sortChange<InsightsQuery['sort']>(sort));
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
