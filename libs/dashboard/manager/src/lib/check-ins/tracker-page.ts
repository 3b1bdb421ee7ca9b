import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { CheckIn, CheckInKind, Placement } from '@stint/contracts';
import { catchError, combineLatest, forkJoin, map, Observable, of, switchMap, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { formatInstant, isIsoDate, todayIso } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { injectHandset } from '../shared/handset';
import { formatPercent, KIND_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { byId, personName, teamName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { injectRouteQuery } from '../shared/route-query';
import { SortDirection, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState, ErrorPanel, StatusChip } from '../shared/ui';
import { CheckInsService } from './check-ins.service';
import { askForFeedback } from './feedback-dialog';
import { missingPlacementIds, placementWindow } from './placement-lookup';
import { TRACKER_PAGE_SIZES, TRACKER_QUERY, TRACKER_VIEWS, trackerApiQuery, TrackerQuery } from './tracker.query';

interface Row {
  checkIn: CheckIn;
  placement: Placement | undefined;
  pm: string;
  pmEmail: string | null;
  team: string;
}

const SORT_KEYS: SortKeys<Row> = {
  when: (r) => r.checkIn.scheduledAt,
  pm: (r) => r.pm,
  team: (r) => r.team,
  kind: (r) => KIND_LABEL[r.checkIn.kind],
};

const EMPTY_TEXT: Record<TrackerQuery['view'], string> = {
  upcoming: 'No check-ins in the next seven days.',
  overdue: 'Nothing is overdue. Every check-in that is due has been completed.',
  completed: 'No completed check-ins in this range.',
  all: 'No check-ins in this range.',
};

@Component({
  selector: 'lib-tracker-page',
  imports: [
    RouterLink,
    MatTabsModule,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatCardModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    StatusChip,
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
        grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
        gap: 12px;
        margin-bottom: 16px;
      }
      .figures mat-card {
        margin: 0;
      }
      .figure {
        font: var(--mat-sys-display-small);
        margin: 0;
      }
      .figure-label {
        margin: 0;
        color: var(--mat-sys-on-surface-variant);
      }
      nav {
        margin-bottom: 12px;
      }
      td.nowrap {
        white-space: nowrap;
      }
      .actions {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
      }
      .result {
        padding: 8px 16px;
        border-radius: 12px;
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    `,
  ],
  template: `
    <h1>Check-ins</h1>
    <p class="lead">Who has a check-in coming up, who to nudge, and what PMs reported.</p>

    <section class="figures" aria-label="Figures">
      @if (overview().error; as error) {
        <lib-error-panel [message]="error" (retry)="reload()" />
      } @else {
        <mat-card appearance="outlined"
          ><mat-card-content>
            <p class="figure" data-testid="figure-upcoming">{{ overview().data?.upcomingCheckIns7d ?? '…' }}</p>
            <p class="figure-label">due in the next 7 days</p>
          </mat-card-content></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content>
            <p class="figure" data-testid="figure-overdue">{{ overview().data?.overdueCheckIns ?? '…' }}</p>
            <p class="figure-label">overdue</p>
          </mat-card-content></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content>
            <p class="figure" data-testid="figure-rate">
              {{ overview().data ? percent(overview().data?.checkInCompletionRate) : '…' }}
            </p>
            <p class="figure-label">completion rate of due check-ins</p>
          </mat-card-content></mat-card
        >
        <mat-card appearance="outlined"
          ><mat-card-content>
            <p class="figure">{{ overview().data ? weeks(overview().data?.averageDurationWeeks) : '…' }}</p>
            <p class="figure-label">average rotation length</p>
          </mat-card-content></mat-card
        >
      }
    </section>

    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Check-in views">
      @for (v of views; track v.value) {
        <a
          mat-tab-link
          [active]="q().view === v.value"
          [routerLink]="[]"
          [queryParams]="{ view: v.value === 'upcoming' ? null : v.value, page: null }"
          queryParamsHandling="merge"
          >{{ v.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel>
      @if (q().view !== 'upcoming') {
        <div class="filters" role="group" aria-label="Date range">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>From</mat-label>
            <input matInput type="date" [value]="q().from ?? ''" (change)="setDate('from', $event)" />
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>To</mat-label>
            <input matInput type="date" [value]="q().to ?? ''" (change)="setDate('to', $event)" />
          </mat-form-field>
          @if (q().from || q().to) {
            <button mat-button type="button" (click)="set({ from: null, to: null })">Any date</button>
          }
        </div>
      }
      @if (message(); as text) {
        <p class="result" role="status">{{ text }}</p>
      }
      <lib-loading [active]="state().status === 'loading'" label="Loading check-ins…" />
      @if (state().error; as error) {
        <lib-error-panel [message]="error" (retry)="reload()" />
      } @else if (state().status === 'ready' && rows().length === 0) {
        <lib-empty-state [text]="emptyText[q().view]" />
      }
      @if (rows().length) {
        <div class="table-frame" tabindex="0" role="region" aria-label="Check-ins">
          <table
            mat-table
            [dataSource]="rows()"
            matSort
            [matSortActive]="q().sort"
            [matSortDirection]="q().dir"
            matSortDisableClear
            (matSortChange)="sort($event)"
          >
            <ng-container matColumnDef="when">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>When</th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ instant(r.checkIn.scheduledAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="pm">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>PM</th>
              <td mat-cell *matCellDef="let r">{{ r.pm }}</td>
            </ng-container>
            <ng-container matColumnDef="team">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>Team</th>
              <td mat-cell *matCellDef="let r">{{ r.team }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>Check-in</th>
              <td mat-cell *matCellDef="let r">{{ kindLabel(r.checkIn.kind) }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let r"><lib-status-chip [status]="r.checkIn.status" /></td>
            </ng-container>
            <ng-container matColumnDef="ratings">
              <th mat-header-cell *matHeaderCellDef>
                Ratings <span class="cdk-visually-hidden">(negotiation, closing, persistence)</span>
              </th>
              <td mat-cell *matCellDef="let r" class="nowrap">
                @if (r.checkIn.ratings; as x) {
                  <span
                    [attr.aria-label]="
                      'Negotiation ' + x.negotiation + ', closing ' + x.closing + ', persistence ' + x.persistence
                    "
                    >N {{ x.negotiation }} · C {{ x.closing }} · P {{ x.persistence }}</span
                  >
                } @else {
                  —
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="feedback">
              <th mat-header-cell *matHeaderCellDef>Feedback</th>
              <td mat-cell *matCellDef="let r">{{ r.checkIn.feedback.length || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
              <td mat-cell *matCellDef="let r">
                <div class="actions">
                  @if (r.checkIn.status === 'overdue' && r.pmEmail) {
                    <a mat-button [href]="nudge(r)" [attr.aria-label]="'Nudge ' + r.pm + ' by email'">Nudge</a>
                  }
                  @if (r.checkIn.status !== 'cancelled') {
                    <button
                      mat-button
                      type="button"
                      (click)="feedback(r)"
                      [attr.aria-label]="
                        'Add feedback for ' +
                        r.pm +
                        ', ' +
                        kindLabel(r.checkIn.kind).toLowerCase() +
                        ' ' +
                        instant(r.checkIn.scheduledAt)
                      "
                    >
                      Add feedback
                    </button>
                  }
                  <a
                    mat-button
                    [routerLink]="['/placements', r.checkIn.placementId]"
                    [attr.aria-label]="'Open the placement of ' + r.pm"
                    >Placement</a
                  >
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let row; columns: columns()" [attr.data-testid]="'check-in-' + row.checkIn.id"></tr>
          </table>
        </div>
      }
      <mat-paginator
        [length]="state().data?.page?.total ?? 0"
        [pageIndex]="q().page - 1"
        [pageSize]="q().pageSize"
        [pageSizeOptions]="pageSizes"
        (page)="page($event)"
        aria-label="Pages of check-ins"
      />
    </mat-tab-nav-panel>
  `,
})
export class TrackerPage {
  private readonly api = inject(CheckInsService);
  private readonly directory = inject(DirectoryService);
  private readonly dialog = inject(MatDialog);
  private readonly query = injectRouteQuery(TRACKER_QUERY);
  private readonly handset = injectHandset();
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly views = TRACKER_VIEWS;
  protected readonly pageSizes = [...TRACKER_PAGE_SIZES];
  protected readonly emptyText = EMPTY_TEXT;
  protected readonly message = signal<string | null>(null);

  protected readonly overview = toSignal(toObservable(this.tick).pipe(loadEach(() => this.api.overview())), {
    initialValue: LOADING,
  });

  protected readonly state = toSignal(
    combineLatest([toObservable(this.q), toObservable(this.tick)]).pipe(
      loadEach(([q]) => {
        const filter = trackerApiQuery(q, todayIso());
        return this.api.list({ ...filter, page: q.page, pageSize: q.pageSize }).pipe(
          switchMap((page) =>
            forkJoin({
              page: of(page),
              placements: this.placementsFor(page.items),
              directory: this.directory.directory().pipe(take(1)),
            }),
          ),
        );
      }),
    ),
    { initialValue: LOADING },
  );

  /** The page's check-ins, with feedback added in place after the dialog closes. */
  private readonly checkIns = linkedSignal(() => this.state().data?.page.items ?? []);
  protected readonly rows = computed<Row[]>(() => {
    const data = this.state().data;
    if (!data) return [];
    const rows = this.checkIns().map((checkIn) => {
      const placement = data.placements.get(checkIn.placementId);
      const user = placement ? data.directory.usersById.get(placement.pmId) : undefined;
      return {
        checkIn,
        placement,
        pm: placement ? personName(data.directory.usersById, placement.pmId) : 'Unknown PM',
        pmEmail: user?.email ?? null,
        team: placement ? teamName(data.directory.teamsById, placement.teamId) : '—',
      };
    });
    return sortItems(rows, SORT_KEYS, this.q().sort, this.q().dir);
  });
  protected readonly columns = computed(() =>
    this.handset()
      ? ['when', 'pm', 'status', 'actions']
      : ['when', 'pm', 'team', 'kind', 'status', 'ratings', 'feedback', 'actions'],
  );

  private placementsFor(checkIns: CheckIn[]): Observable<Map<string, Placement>> {
    const window = placementWindow(checkIns);
    if (!window) return of(new Map());
    return this.api.placementsAround(window.from, window.to).pipe(
      switchMap((list) => {
        const known = byId(list);
        const missing = missingPlacementIds(checkIns, known);
        if (!missing.length) return of(known);
        return forkJoin(missing.map((id) => this.api.placement(id).pipe(catchError(() => of(null))))).pipe(
          map((extra) => {
            for (const p of extra) if (p) known.set(p.id, p);
            return known;
          }),
        );
      }),
    );
  }

  protected set(change: Partial<TrackerQuery>): void {
    this.query.update(change);
  }

  protected setDate(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.update({ [which]: isIsoDate(value) ? value : null });
  }

  protected sort(sort: Sort): void {
    this.query.update({
      sort: sort.active as TrackerQuery['sort'],
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

  protected async feedback(row: Row): Promise<void> {
    const subject = `${KIND_LABEL[row.checkIn.kind]} with ${row.pm}, ${formatInstant(row.checkIn.scheduledAt)}`;
    const updated = await askForFeedback(this.dialog, this.api, row.checkIn, subject);
    if (updated) {
      this.checkIns.update((list) => list.map((c) => (c.id === updated.id ? updated : c)));
      this.message.set(`Feedback saved for ${row.pm}.`);
    }
  }

  protected nudge(row: Row): string {
    const subject = encodeURIComponent(
      `Your Stint check-in (${KIND_LABEL[row.checkIn.kind].toLowerCase()}) is overdue`,
    );
    const body = encodeURIComponent(
      `Hi ${row.pm},\n\nyour ${KIND_LABEL[row.checkIn.kind].toLowerCase()} check-in from ${formatInstant(row.checkIn.scheduledAt)} is still open. Could you file your reflection in Stint?\n`,
    );
    return `mailto:${row.pmEmail}?subject=${subject}&body=${body}`;
  }

  protected kindLabel(kind: CheckInKind): string {
    return KIND_LABEL[kind] ?? kind;
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }

  protected percent(rate: number | null | undefined): string {
    return formatPercent(rate);
  }

  protected weeks(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10} wk`;
  }
}
