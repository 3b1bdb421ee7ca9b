import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { DurationOutcome } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { Loading } from '@stint/dashboard-ui';
import { catchError, combineLatest, firstValueFrom, map, of } from 'rxjs';
import { DateRangeFields } from '../shared/date-range-fields';
import { DirectoryService } from '../shared/directory.service';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { plural } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { injectRouteQuery } from '../shared/route-query';
import { TeamFilter } from '../shared/team-filter';
import { saveBlob } from './download';
import { GainBars, GainGroup } from './gain-bars';
import { INSIGHTS_QUERY, InsightsQuery } from './insights.query';
import {
  defaultBreakdownWeeks,
  durationIntervals,
  formatShare,
  gainScale,
  headline,
  regionsOf,
  runningNote,
  skillIntervals,
  skillLabel,
  VIEWPOINT,
  VIEWPOINTS,
  withViewpoint,
} from './outcomes';
import { csvSkills, outcomesCsv, outcomesFileName } from './outcomes-csv';
import { OutcomeFilters, OutcomesService } from './outcomes.service';

/**
 * Insights answers "how long should a rotation be?" from the outcomes report: the recommendation (or why there
 * is none yet) first, then per length the gain over the kickoff self-rating from three viewpoints (the PM's own,
 * the host's, the line manager's pulse) with 95% intervals and sample sizes, the same per skill, and the
 * would-send-again and goals-met shares. The export writes the evidence, one row per rotation.
 */
@Component({
  selector: 'lib-insights-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatSelectModule,
    DateRangeFields,
    TeamFilter,
    Loading,
    ErrorPanel,
    EmptyState,
    GainBars,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './insights-page.scss'],
  templateUrl: './insights-page.html',
})
export class InsightsPage {
  private readonly api = inject(OutcomesService);
  private readonly directory = inject(DirectoryService);
  protected readonly query = injectRouteQuery(INSIGHTS_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly viewpoints = VIEWPOINTS;
  protected readonly viewpoint = VIEWPOINT;
  protected readonly plural = plural;
  protected readonly share = formatShare;
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  private readonly allTeams = toSignal(
    this.directory.directory().pipe(
      map((d) => d.teams),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  protected readonly regions = computed(() => regionsOf(this.allTeams()));
  /** The team filter offers the teams of the chosen region only. */
  protected readonly teams = computed(() => {
    const region = this.q().region;
    return region ? this.allTeams().filter((t) => t.region.trim() === region) : this.allTeams();
  });

  private readonly filters = computed(
    (): OutcomeFilters => ({ from: this.q().from, to: this.q().to, teamId: this.q().team, region: this.q().region }),
  );
  protected readonly state = toSignal(
    combineLatest([toObservable(this.filters), toObservable(this.tick)]).pipe(loadEach(([f]) => this.api.report(f))),
    { initialValue: LOADING },
  );

  protected readonly report = computed(() => this.state().data);
  protected readonly headline = computed(() => {
    const report = this.report();
    return report ? headline(report) : null;
  });
  protected readonly running = computed(() => runningNote(this.report()?.runningRotations ?? 0));
  protected readonly durations = computed(() =>
    [...(this.report()?.byDuration ?? [])].sort((a, b) => a.durationWeeks - b.durationWeeks),
  );

  protected readonly durationScale = computed(() => {
    const report = this.report();
    return gainScale(report ? durationIntervals(report) : []);
  });
  protected readonly durationGroups = computed((): GainGroup[] =>
    this.durations().map((d) => ({
      key: `${d.durationWeeks}w`,
      label: this.weeks(d.durationWeeks),
      note: plural(d.rotations, 'finished rotation'),
      rows: VIEWPOINTS.map((v) => ({ viewpoint: v, value: d[v], count: withViewpoint(d, v) })),
    })),
  );

  /** The length whose skills are broken down: the one picked, else the recommended or best-evidenced one. */
  private readonly pickedWeeks = signal<number | null>(null);
  protected readonly breakdownWeeks = computed(() => {
    const picked = this.pickedWeeks();
    if (picked !== null && this.durations().some((d) => d.durationWeeks === picked)) return picked;
    const report = this.report();
    return report ? defaultBreakdownWeeks(report) : null;
  });
  protected readonly skillScale = computed(() => {
    const report = this.report();
    return gainScale(report ? skillIntervals(report) : []);
  });
  protected readonly skillGroups = computed((): GainGroup[] => {
    const d = this.durations().find((x) => x.durationWeeks === this.breakdownWeeks());
    if (!d) return [];
    return this.skillsOf(d).map((skill) => ({
      key: skill.replace(/\s+/g, '-'),
      label: skillLabel(skill),
      rows: VIEWPOINTS.map((v) => ({ viewpoint: v, value: d.bySkill[skill]?.[v] ?? null, count: null })),
    }));
  });

  protected set(change: Partial<InsightsQuery>): void {
    this.query.update(change);
  }

  protected pickWeeks(weeks: number): void {
    this.pickedWeeks.set(weeks);
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected weeks(n: number): string {
    return plural(n, 'week');
  }

  /** The report's skills first (its order), then any the breakdown holds beyond them. */
  private skillsOf(d: DurationOutcome): string[] {
    const listed = this.report()?.skills ?? [];
    return [...listed, ...Object.keys(d.bySkill).filter((s) => !listed.includes(s))];
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const filters = this.filters();
      const rows = await firstValueFrom(this.api.rotations(filters));
      const csv = outcomesCsv(rows, csvSkills(this.report()?.skills ?? [], rows));
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), outcomesFileName(filters.from, filters.to));
    } catch (error) {
      this.exportError.set(`The export failed: ${describeError(error).message}`);
    } finally {
      this.exporting.set(false);
    }
  }
}
