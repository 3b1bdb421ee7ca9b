import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Placement, PlacementStatus } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { combineLatest, forkJoin, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { localDate, weekStart } from '@stint/shared-dates';
import { formatDay, formatRange } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { STATUS_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName } from '../shared/names';
import { PlacementsService } from '../placements/placements.service';
import { injectRouteQuery } from '../shared/route-query';
import { TeamFilter } from '../shared/team-filter';
import { WeekWindowFields } from '../shared/week-window-fields';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { buildTimeline, rangeEnd, TimelineRange, todayPct, weekColumns } from './timeline-layout';
import {
  apiStatus,
  defaultTimelineStart,
  matchesStatus,
  TEAMS_PER_PAGE,
  TIMELINE_QUERY,
  TIMELINE_WEEKS,
  TimelineQuery,
  TimelineStatus,
} from './timeline.query';

const STATUS_FILTERS: Array<{ value: TimelineStatus; label: string }> = [
  { value: 'booked', label: 'Booked (not cancelled)' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All, with cancelled' },
];

@Component({
  selector: 'lib-timeline-page',
  imports: [
    RouterLink,
    MatFormFieldModule,
    MatSelectModule,
    MatPaginatorModule,
    TeamFilter,
    WeekWindowFields,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './timeline-page.scss'],
  templateUrl: './timeline-page.html',
})
export class TimelinePage {
  private readonly api = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  protected readonly query = injectRouteQuery(TIMELINE_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly weekOptions = [...TIMELINE_WEEKS];
  protected readonly teamsPerPage = [...TEAMS_PER_PAGE];
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly legend: PlacementStatus[] = ['scheduled', 'active', 'completed', 'cancelled'];

  protected readonly range = computed<TimelineRange>(() => ({
    from: weekStart(this.q().from ?? defaultTimelineStart()),
    weeks: this.q().weeks,
  }));
  protected readonly columns = computed(() => weekColumns(this.range()));
  protected readonly rangeLabel = computed(() => formatRange(this.range().from, rangeEnd(this.range())));
  protected readonly gridSize = computed(() => `calc(100% / ${this.range().weeks}) 100%`);
  protected readonly todayAt = computed(() => todayPct(this.range(), localDate(new Date())));

  private readonly request = computed(() => ({ range: this.range(), team: this.q().team, status: this.q().status }));
  protected readonly state = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.tick)]).pipe(
      loadEach(([r]) =>
        forkJoin({
          placements: this.api.all({
            from: r.range.from,
            to: rangeEnd(r.range),
            teamId: r.team,
            status: apiStatus(r.status),
          }),
          directory: this.directory.directory().pipe(take(1)),
        }),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly teams = computed(() => this.state().data?.directory.teams ?? []);
  protected readonly groups = computed(() => {
    const data = this.state().data;
    if (!data) return [];
    const { team, status } = this.q();
    const me = this.session.user();
    const teams = team ? data.directory.teams.filter((t) => t.id === team) : data.directory.teams;
    const placements = data.placements.filter((p) => matchesStatus(status, p));
    // Empty rows only for teams the viewer runs (or all active ones for an admin), so a manager is not shown every team in the company.
    const keep = (t: { id: string; managerId: string; active: boolean }) =>
      !!team || (me?.role === 'admin' ? t.active : t.managerId === me?.id);
    return buildTimeline(this.range(), teams, placements, keep);
  });
  protected readonly pageGroups = computed(() => {
    const { page, pageSize } = this.q();
    return this.groups().slice((page - 1) * pageSize, page * pageSize);
  });

  protected set(change: Partial<TimelineQuery>): void {
    this.query.update(change);
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected laneList(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }

  protected pm(id: string): string {
    const data = this.state().data;
    return data ? personName(data.directory.usersById, id) : '';
  }

  protected barLabel(p: Placement): string {
    return `${this.pm(p.pmId)}, ${formatDay(p.startDate)} to ${formatDay(p.endDate)}, ${STATUS_LABEL[p.status].toLowerCase()}`;
  }
}
