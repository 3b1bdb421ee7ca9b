import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { RotationRequest } from '@stint/contracts';
import { catchError, combineLatest, forkJoin, map, of, take } from 'rxjs';
import { CardTable, Loading } from '@stint/dashboard-ui';
import { formatInstant, formatRange } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { plural, STATUS_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { injectRouteQuery } from '../shared/route-query';
import { TeamFilter } from '../shared/team-filter';
import { sortChange, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { StatusChip } from '../shared/status-chip';
import { APPROVALS_QUERY, ApprovalsQuery, PAGE_SIZES, statusOptions } from './approvals.query';
import { ApprovalsService } from './approvals.service';

interface Row {
  request: RotationRequest;
  pm: string;
  team: string;
}

const SORT_KEYS: SortKeys<Row> = {
  created: (r) => r.request.createdAt,
  start: (r) => r.request.startDate,
  pm: (r) => r.pm,
  team: (r) => r.team,
};

@Component({
  selector: 'lib-approvals-page',
  imports: [
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    TeamFilter,
    MatSelectModule,
    MatFormFieldModule,
    MatButtonToggleModule,
    StatusChip,
    Loading,
    ErrorPanel,
    EmptyState,
    CardTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './approvals-page.scss'],
  templateUrl: './approvals-page.html',
})
export class ApprovalsPage {
  private readonly api = inject(ApprovalsService);
  private readonly directory = inject(DirectoryService);
  protected readonly query = injectRouteQuery(APPROVALS_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statuses = computed(() => statusOptions(this.q().show));
  protected readonly teams = toSignal(
    this.directory.directory().pipe(
      map((d) => d.teams),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  protected readonly state = toSignal(
    combineLatest([toObservable(this.q), toObservable(this.tick)]).pipe(
      loadEach(([q]) =>
        forkJoin({
          page: this.api.list({
            awaitingMe: q.show === 'mine',
            status: q.status,
            teamId: q.team,
            page: q.page,
            pageSize: q.pageSize,
          }),
          directory: this.directory.directory().pipe(take(1)),
        }),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly total = computed(() => this.state().data?.page.total ?? 0);
  protected readonly rows = computed<Row[]>(() => {
    const data = this.state().data;
    if (!data) return [];
    const rows = data.page.items.map((request) => ({
      request,
      pm: personName(data.directory.usersById, request.pmId),
      team: teamName(data.directory.teamsById, request.teamId),
    }));
    return sortItems(rows, SORT_KEYS, this.q().sort, this.q().dir);
  });
  /** Every column stays on a phone: the table turns into cards there (`libCardTable`). */
  protected readonly columns = ['pm', 'team', 'start', 'goals', 'motivation', 'status', 'created'];

  protected set(change: Partial<ApprovalsQuery>): void {
    this.query.update(change);
  }

  protected sort(sort: Sort): void {
    this.query.update({ ...sortChange<ApprovalsQuery['sort']>(sort), page: this.q().page });
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected range(r: RotationRequest): string {
    return formatRange(r.startDate, r.endDate);
  }

  protected weeks(n: number): string {
    return plural(n, 'week');
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }
}
