import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Placement, PlacementStatus } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { combineLatest, forkJoin, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { addDays, formatDay, formatRange, isIsoDate, todayIso, weekStart } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { STATUS_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { PlacementsService } from '../placements/placements.service';
import { injectRouteQuery } from '../shared/route-query';
import { EmptyState, ErrorPanel } from '../shared/ui';
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
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    PAGE_STYLES,
    `
      .nav {
        display: flex;
        gap: 4px;
        align-items: center;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        margin: 8px 0;
        font: var(--mat-sys-body-small);
        list-style: none;
        padding: 0;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .sw {
        width: 16px;
        height: 12px;
        border-radius: 3px;
        display: inline-block;
      }
      .sw.sw-today {
        background: var(--mat-sys-tertiary);
        width: 3px;
      }
      .chart {
        min-width: 760px;
      }
      .row {
        display: grid;
        grid-template-columns: 190px 1fr;
      }
      .head {
        position: sticky;
        top: 0;
        background: var(--mat-sys-surface);
        z-index: 1;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .weeks {
        display: flex;
      }
      .weeks span {
        flex: 1;
        font: var(--mat-sys-label-small);
        padding: 6px 2px;
        color: var(--mat-sys-on-surface-variant);
        border-left: 1px solid var(--mat-sys-outline-variant);
      }
      .group {
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .label {
        padding: 8px;
      }
      .label h3 {
        margin: 0;
        font: var(--mat-sys-title-small);
      }
      .label p {
        margin: 2px 0 0;
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      .track {
        position: relative;
        padding: 4px 0;
        background-image: linear-gradient(to right, var(--mat-sys-outline-variant) 1px, transparent 1px);
      }
      .lane {
        position: relative;
        height: 28px;
        margin: 2px 0;
      }
      .lane.place {
        background: var(--mat-sys-surface-container-low);
      }
      .bar {
        position: absolute;
        top: 2px;
        height: 24px;
        box-sizing: border-box;
        border-radius: 6px;
        padding: 0 8px;
        font: var(--mat-sys-label-medium);
        line-height: 24px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        text-decoration: none;
        color: #fff;
      }
      .bar:focus-visible {
        outline: 3px solid var(--mat-sys-tertiary);
        outline-offset: 1px;
        z-index: 2;
      }
      .bar.cs {
        border-top-left-radius: 0;
        border-bottom-left-radius: 0;
      }
      .bar.ce {
        border-top-right-radius: 0;
        border-bottom-right-radius: 0;
      }
      .s-scheduled {
        background: #0b57d0;
      }
      .s-active {
        background: #146c2e;
      }
      .s-completed {
        background: #5f6368;
      }
      .s-cancelled {
        background: #ffdad6;
        color: #690005;
        border: 1px dashed #690005;
        text-decoration: line-through;
      }
      .bar.s-cancelled {
        color: #690005;
      }
      .today {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2px;
        background: var(--mat-sys-tertiary);
        pointer-events: none;
      }
    `,
  ],
  template: `
    <h1>Placements timeline</h1>
    <p class="lead">
      Each team's placements over the chosen weeks. The shaded rows are the team's places (its capacity); open a bar for
      the placement's check-ins, to reschedule or cancel it.
    </p>

    <div class="filters" role="group" aria-label="Filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From week of</mat-label>
        <input matInput type="date" [value]="range().from" (change)="setFrom($event)" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Weeks shown</mat-label>
        <mat-select [value]="q().weeks" (selectionChange)="set({ weeks: $event.value })">
          @for (w of weekOptions; track w) {
            <mat-option [value]="w">{{ w }} weeks</mat-option>
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
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [value]="q().status" (selectionChange)="set({ status: $event.value })">
          @for (s of statusFilters; track s.value) {
            <mat-option [value]="s.value">{{ s.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="nav">
        <button mat-button type="button" (click)="shift(-1)"><span aria-hidden="true">‹ </span>Earlier</button>
        <button mat-stroked-button type="button" (click)="set({ from: null })">Now</button>
        <button mat-button type="button" (click)="shift(1)">Later<span aria-hidden="true"> ›</span></button>
      </div>
    </div>

    <ul class="legend" aria-label="Bar colours">
      @for (s of legend; track s) {
        <li><span class="sw s-{{ s }}" aria-hidden="true"></span>{{ statusLabel[s] }}</li>
      }
      <li><span class="sw sw-today" aria-hidden="true"></span>Today</li>
    </ul>

    <lib-loading [active]="state().status === 'loading'" label="Loading placements…" />
    @if (state().error; as error) {
      <lib-error-panel [message]="error" (retry)="reload()" />
    } @else if (state().status === 'ready' && groups().length === 0) {
      <lib-empty-state text="No placements in these weeks for these filters. Try an earlier or later range." />
    }

    @if (pageGroups().length) {
      <div class="table-frame" tabindex="0" role="region" aria-label="Timeline, {{ rangeLabel() }}">
        <div class="chart">
          <div class="row head" aria-hidden="true">
            <div class="label">Team</div>
            <div class="weeks">
              @for (c of columns(); track c.start) {
                <span>{{ c.label }}</span>
              }
            </div>
          </div>
          @for (g of pageGroups(); track g.teamId) {
            <section
              class="row group"
              [attr.aria-labelledby]="'tl-' + g.teamId"
              [attr.data-testid]="'timeline-team-' + g.teamId"
            >
              <div class="label">
                <h3 [id]="'tl-' + g.teamId">{{ g.teamName }}</h3>
                <p>Capacity {{ g.capacity }} · at most {{ g.peak }} booked</p>
              </div>
              <div class="track" [style.background-size]="gridSize()">
                @for (lane of laneList(g.lanes); track lane) {
                  <div class="lane" [class.place]="lane < g.capacity">
                    @for (b of g.bars; track b.placement.id) {
                      @if (b.lane === lane) {
                        <a
                          class="bar s-{{ b.placement.status }}"
                          [class.cs]="b.geometry.clippedStart"
                          [class.ce]="b.geometry.clippedEnd"
                          [style.left.%]="b.geometry.leftPct"
                          [style.width.%]="b.geometry.widthPct"
                          [routerLink]="['/placements', b.placement.id]"
                          [attr.aria-label]="barLabel(b.placement)"
                          [title]="barLabel(b.placement)"
                          [attr.data-testid]="'bar-' + b.placement.id"
                          >{{ pm(b.placement.pmId) }}</a
                        >
                      }
                    }
                  </div>
                }
                @if (todayAt(); as at) {
                  <div class="today" [style.left.%]="at" aria-hidden="true"></div>
                }
              </div>
            </section>
          }
        </div>
      </div>
    }
    <mat-paginator
      [length]="groups().length"
      [pageIndex]="q().page - 1"
      [pageSize]="q().pageSize"
      [pageSizeOptions]="teamsPerPage"
      (page)="page($event)"
      aria-label="Pages of teams"
    />
  `,
})
export class TimelinePage {
  private readonly api = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly query = injectRouteQuery(TIMELINE_QUERY);
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
  protected readonly todayAt = computed(() => todayPct(this.range(), todayIso()));

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

  protected setFrom(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (isIsoDate(value)) this.query.update({ from: weekStart(value) });
  }

  protected shift(direction: number): void {
    this.query.update({ from: addDays(this.range().from, direction * this.range().weeks * 7), page: this.q().page });
  }

  protected page(event: PageEvent): void {
    this.query.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
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
