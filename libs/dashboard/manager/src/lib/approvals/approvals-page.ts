import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { RotationRequest } from '@stint/contracts';
import { catchError, combineLatest, forkJoin, map, of, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { formatInstant, formatRange } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { injectHandset } from '../shared/handset';
import { plural, STATUS_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { injectRouteQuery } from '../shared/route-query';
import { SortDirection, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState, ErrorPanel, StatusChip } from '../shared/ui';
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
    MatSelectModule,
    MatFormFieldModule,
    MatButtonToggleModule,
    StatusChip,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    PAGE_STYLES,
    `
      .goals {
        margin: 0;
        padding-left: 18px;
      }
      .motivation {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        max-width: 320px;
      }
      td a {
        color: var(--mat-sys-primary);
        font-weight: 500;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ],
  template: `
    <h1>Approvals</h1>
    <p class="lead">
      Rotation requests waiting for your decision, as line manager or as host team manager. Open one to see the rule
      check before you decide.
    </p>

    <div class="filters" role="group" aria-label="Filters">
      <mat-button-toggle-group
        [value]="q().show"
        (change)="set({ show: $event.value, status: '' })"
        aria-label="Which requests"
      >
        <mat-button-toggle value="mine">Waiting for me</mat-button-toggle>
        <mat-button-toggle value="all">All requests</mat-button-toggle>
      </mat-button-toggle-group>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [value]="q().status" (selectionChange)="set({ status: $event.value })">
          <mat-option value="">Any status</mat-option>
          @for (s of statuses(); track s) {
            <mat-option [value]="s">{{ statusLabel[s] }}</mat-option>
          }
        </mat-select>
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
    </div>

    <lib-loading [active]="state().status === 'loading'" label="Loading requests…" />
    @if (state().error; as error) {
      <lib-error-panel [message]="error" (retry)="reload()" />
    } @else if (state().status === 'ready' && rows().length === 0) {
      <lib-empty-state
        [text]="
          q().show === 'mine'
            ? 'Nothing is waiting for your decision. New requests appear here as soon as they are submitted.'
            : 'No requests match these filters.'
        "
      />
    }

    @if (rows().length) {
      <div class="table-frame" tabindex="0" role="region" aria-label="Requests">
        <table
          mat-table
          [dataSource]="rows()"
          matSort
          [matSortActive]="q().sort"
          [matSortDirection]="q().dir"
          matSortDisableClear
          (matSortChange)="sort($event)"
        >
          <caption class="cdk-visually-hidden">
            Rotation requests,
            {{
              total()
            }}
            in all
          </caption>
          <ng-container matColumnDef="pm">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>PM</th>
            <td mat-cell *matCellDef="let r">
              <a [routerLink]="['/approvals', r.request.id]" [attr.data-testid]="'request-' + r.request.id">{{
                r.pm
              }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Team</th>
            <td mat-cell *matCellDef="let r">{{ r.team }}</td>
          </ng-container>
          <ng-container matColumnDef="start">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Dates</th>
            <td mat-cell *matCellDef="let r" class="nowrap">
              {{ range(r.request) }}<br /><span class="muted">{{ weeks(r.request.durationWeeks) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="goals">
            <th mat-header-cell *matHeaderCellDef>Goals</th>
            <td mat-cell *matCellDef="let r">
              <ul class="goals">
                @for (g of r.request.goals; track $index) {
                  <li>{{ g }}</li>
                }
              </ul>
            </td>
          </ng-container>
          <ng-container matColumnDef="motivation">
            <th mat-header-cell *matHeaderCellDef>Motivation</th>
            <td mat-cell *matCellDef="let r">
              <span class="motivation" [title]="r.request.motivation">{{ r.request.motivation || '—' }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let r"><lib-status-chip [status]="r.request.status" /></td>
          </ng-container>
          <ng-container matColumnDef="created">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Submitted</th>
            <td mat-cell *matCellDef="let r" class="nowrap">{{ instant(r.request.createdAt) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    }
    <mat-paginator
      [length]="total()"
      [pageIndex]="q().page - 1"
      [pageSize]="q().pageSize"
      [pageSizeOptions]="pageSizes"
      (page)="page($event)"
      aria-label="Pages of requests"
    />
  `,
})
export class ApprovalsPage {
  private readonly api = inject(ApprovalsService);
  private readonly directory = inject(DirectoryService);
  private readonly query = injectRouteQuery(APPROVALS_QUERY);
  private readonly handset = injectHandset();
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
  protected readonly columns = computed(() =>
    this.handset()
      ? ['pm', 'team', 'start', 'status']
      : ['pm', 'team', 'start', 'goals', 'motivation', 'status', 'created'],
  );

  protected set(change: Partial<ApprovalsQuery>): void {
    this.query.update(change);
  }

  protected sort(sort: Sort): void {
    this.query.update({
      sort: sort.active as ApprovalsQuery['sort'],
      dir: (sort.direction || 'asc') as SortDirection,
      page: this.q().page,
    });
  }

  protected page(event: PageEvent): void {
    this.query.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
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
