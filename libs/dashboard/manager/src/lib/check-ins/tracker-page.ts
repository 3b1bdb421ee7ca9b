import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { CheckIn, CheckInKind } from '@stint/contracts';
import { combineLatest, forkJoin, take } from 'rxjs';
import { CardTable, Loading } from '@stint/dashboard-ui';
import { localDate } from '@stint/shared-dates';
import { formatInstant, theirLocalTime } from '../shared/date-format';
import { DateRangeFields } from '../shared/date-range-fields';
import { DirectoryService } from '../shared/directory.service';
import { formatPercent, KIND_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { injectRouteQuery } from '../shared/route-query';
import { sortChange, sortItems, SortKeys } from '../shared/sorting';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { StatusChip } from '../shared/status-chip';
import { CheckInsService } from './check-ins.service';
import { askForFeedback } from './feedback-dialog';
import { TRACKER_PAGE_SIZES, TRACKER_QUERY, TRACKER_VIEWS, trackerApiQuery, TrackerQuery } from './tracker.query';

interface Row {
  checkIn: CheckIn;
  pm: string;
  pmEmail: string | null;
  /** The PM's own zone, when the directory knows it. */
  pmZone: string | null;
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
    DateRangeFields,
    StatusChip,
    Loading,
    ErrorPanel,
    EmptyState,
    CardTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './tracker-page.scss'],
  templateUrl: './tracker-page.html',
})
export class TrackerPage {
  private readonly api = inject(CheckInsService);
  private readonly directory = inject(DirectoryService);
  private readonly dialog = inject(MatDialog);
  protected readonly query = injectRouteQuery(TRACKER_QUERY);
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
        const filter = trackerApiQuery(q, localDate(new Date()));
        // Each check-in names its PM and team (pmId, pmName, teamName): no placement look-ups per page.
        return forkJoin({
          page: this.api.list({ ...filter, page: q.page, pageSize: q.pageSize }),
          directory: this.directory.directory().pipe(take(1)),
        });
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
      const user = checkIn.pmId ? data.directory.usersById.get(checkIn.pmId) : undefined;
      return {
        checkIn,
        pm: checkIn.pmName || (checkIn.pmId ? personName(data.directory.usersById, checkIn.pmId) : 'Unknown PM'),
        pmEmail: user?.email ?? null,
        pmZone: user?.timezone ?? null,
        team: checkIn.teamName || (checkIn.teamId ? teamName(data.directory.teamsById, checkIn.teamId) : '—'),
      };
    });
    return sortItems(rows, SORT_KEYS, this.q().sort, this.q().dir);
  });
  /** Every column stays on a phone: the table turns into cards there (`libCardTable`). */
  protected readonly columns = ['when', 'pm', 'team', 'kind', 'status', 'ratings', 'feedback', 'actions'];

  protected set(change: Partial<TrackerQuery>): void {
    this.query.update(change);
  }

  protected sort(sort: Sort): void {
    this.query.update({ ...sortChange<TrackerQuery['sort']>(sort), page: this.q().page });
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
      `Hi ${row.pm},\n\nyour ${KIND_LABEL[row.checkIn.kind].toLowerCase()} check-in from ${formatInstant(row.checkIn.scheduledAt, row.pmZone ?? undefined)} is still open. Could you file your reflection in Stint?\n`,
    );
    return `mailto:${row.pmEmail}?subject=${subject}&body=${body}`;
  }

  protected kindLabel(kind: CheckInKind): string {
    return KIND_LABEL[kind] ?? kind;
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }

  /** The PM's own clock beside the viewer's when they differ: `16:00 in Berlin for Ana Lima`. */
  protected theirTime(row: Row): string | null {
    return theirLocalTime(row.checkIn.scheduledAt, row.pmZone, row.pm);
  }

  protected percent(rate: number | null | undefined): string {
    return formatPercent(rate);
  }

  protected weeks(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10} wk`;
  }
}
