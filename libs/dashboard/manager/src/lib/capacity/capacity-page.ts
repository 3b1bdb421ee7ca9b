import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { combineLatest, forkJoin, of, take } from 'rxjs';
import { CardTable, Loading } from '@stint/dashboard-ui';
import { SessionService } from '@stint/dashboard-session';
import { PlacementsService } from '../placements/placements.service';
import { addDays, localDate, weekStart } from '@stint/shared-dates';
import { formatDay, formatRange, formatShort } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { injectRouteQuery } from '../shared/route-query';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { StatusChip } from '../shared/status-chip';
import { WeekWindowFields } from '../shared/week-window-fields';
import { CAPACITY_QUERY, CAPACITY_WEEKS, CapacityQuery, TEAM_ROWS } from './capacity.query';
import { CapacityService } from './capacity.service';
import { buildHeatmap, HEAT_COLORS, HeatCell, HeatLevel, teamMatches } from './heatmap';

const CELL_PAGE_SIZE = 10;

@Component({
  selector: 'lib-capacity-page',
  imports: [
    RouterLink,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatTableModule,
    StatusChip,
    WeekWindowFields,
    Loading,
    ErrorPanel,
    EmptyState,
    CardTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './capacity-page.scss'],
  templateUrl: './capacity-page.html',
})
export class CapacityPage {
  private readonly api = inject(CapacityService);
  private readonly placements = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  /** Managers choose between their teams and every team; PMs and admins always see every team. */
  protected readonly canWiden = inject(SessionService).user()?.role === 'manager';
  protected readonly query = injectRouteQuery(CAPACITY_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly weekOptions = [...CAPACITY_WEEKS];
  protected readonly rowOptions = [...TEAM_ROWS];
  protected readonly colors = HEAT_COLORS;
  protected readonly levels: HeatLevel[] = [0, 1, 2, 3, 4];
  protected readonly cellColumns = ['pm', 'dates', 'status'];
  protected readonly cellPageSize = CELL_PAGE_SIZE;

  protected readonly from = computed(() => weekStart(this.q().from ?? localDate(new Date())));
  private readonly to = computed(() => addDays(this.from(), this.q().weeks * 7 - 1));
  protected readonly rangeLabel = computed(() => formatRange(this.from(), this.to()));

  private readonly scope = computed(() => this.q().scope);
  private readonly window = computed(() => ({ from: this.from(), to: this.to(), scope: this.scope() }));
  protected readonly state = toSignal(
    combineLatest([toObservable(this.window), toObservable(this.tick)]).pipe(
      loadEach(([w]) =>
        forkJoin({
          weeks: this.api.weeks(w.from, w.to, w.scope),
          blackouts: this.api.blackouts(),
          directory: this.directory.directory().pipe(take(1)),
        }),
      ),
    ),
    { initialValue: LOADING },
  );

  private readonly heatmap = computed(() => {
    const data = this.state().data;
    return data ? buildHeatmap(data.weeks, data.directory.teamsById, data.blackouts) : { weeks: [], rows: [] };
  });
  protected readonly weeks = computed(() => this.heatmap().weeks);
  protected readonly rows = computed(() => {
    const teams = this.state().data?.directory.teamsById;
    return this.heatmap().rows.filter((row) => teamMatches(teams?.get(row.teamId), row.teamName, this.q().q));
  });
  protected readonly pageRows = computed(() => {
    const { page, pageSize } = this.q();
    return this.rows().slice((page - 1) * pageSize, page * pageSize);
  });

  protected readonly selected = computed(() => {
    const { team, week } = this.q();
    if (!team || !week) return null;
    const teams = this.state().data?.directory.teamsById;
    return { team, week, teamName: teams ? teamName(teams, team) : '', range: `week of ${formatDay(week)}` };
  });
  private readonly cellRequest = computed(() => {
    const sel = this.selected();
    return sel ? { team: sel.team, week: sel.week, page: this.q().cellPage } : null;
  });
  protected readonly cell = toSignal(
    combineLatest([toObservable(this.cellRequest), toObservable(this.tick)]).pipe(
      loadEach(([r]) =>
        r
          ? forkJoin({
              page: this.placements.page({
                teamId: r.team,
                from: r.week,
                to: addDays(r.week, 6),
                page: r.page,
                pageSize: CELL_PAGE_SIZE,
              }),
              directory: this.directory.directory().pipe(take(1)),
            })
          : of(null),
      ),
    ),
    { initialValue: LOADING },
  );

  protected set(change: Partial<CapacityQuery>): void {
    this.query.update(change);
  }

  protected select(cell: HeatCell): void {
    this.query.update({ team: cell.teamId, week: cell.week, cellPage: 1, page: this.q().page });
    // Move focus to the list so keyboard and screen-reader users land on what they asked for.
    setTimeout(() => document.getElementById('cell-heading')?.focus(), 300);
  }

  protected isSelected(cell: HeatCell): boolean {
    return this.q().team === cell.teamId && this.q().week === cell.week;
  }

  protected setSearch(event: Event): void {
    this.query.update({ q: (event.target as HTMLInputElement).value });
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected pm(id: string): string {
    const data = this.cell().data;
    return data ? personName(data.directory.usersById, id) : '';
  }

  protected short(date: string): string {
    return formatShort(date);
  }

  protected range(start: string, end: string): string {
    return formatRange(start, end);
  }
}
