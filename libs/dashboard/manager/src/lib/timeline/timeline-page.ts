import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Blackout, Placement, PlacementStatus } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { combineLatest, firstValueFrom, forkJoin, map, take } from 'rxjs';
import { formatRange as formatDates, Loading } from '@stint/dashboard-ui';
import { localDate, weekStart } from '@stint/shared-dates';
import { formatRange } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { STATUS_LABEL } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { injectRouteQuery } from '../shared/route-query';
import { TeamFilter } from '../shared/team-filter';
import { WeekWindowFields } from '../shared/week-window-fields';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { MoveDialog, MoveDialogData } from './move-dialog';
import { TimelineDataService } from './timeline-data.service';
import {
  barGeometry,
  type BarSource,
  buildTimeline,
  type GhostSource,
  describeShift,
  DRAG_THRESHOLD_PX,
  laneTop,
  PendingStatus,
  rangeEnd,
  shiftDates,
  snapDays,
  TimelineBar,
  TimelineRange,
  todayPct,
  weekColumns,
} from './timeline-layout';
import {
  defaultTimelineStart,
  matchesStatus,
  showsPending,
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

/** What a pending request waits for, as its ghost bar says it. */
const WAITING_FOR: Record<PendingStatus, string> = {
  pending_manager: 'waiting for the line manager',
  pending_host: 'waiting for the host',
  offered: 'place held, waiting for the PM to accept',
};

/** A move being proposed for one bar, by dragging it or with the arrow keys. */
interface Proposal {
  id: string;
  days: number;
  via: 'drag' | 'keys';
}

interface Drag {
  id: string;
  pointerId: number;
  startX: number;
  trackWidth: number;
  moved: boolean;
}

@Component({
  selector: 'lib-timeline-page',
  imports: [
    RouterLink,
    MatFormFieldModule,
    MatSelectModule,
    MatPaginatorModule,
    MatTooltipModule,
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
  private readonly data = inject(TimelineDataService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  protected readonly query = injectRouteQuery(TIMELINE_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly weekOptions = [...TIMELINE_WEEKS];
  protected readonly teamsPerPage = [...TEAMS_PER_PAGE];
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly legend: PlacementStatus[] = ['scheduled', 'active', 'completed', 'cancelled'];
  protected readonly laneTop = laneTop;

  protected readonly range = computed<TimelineRange>(() => ({
    from: weekStart(this.q().from ?? defaultTimelineStart()),
    weeks: this.q().weeks,
  }));
  protected readonly columns = computed(() => weekColumns(this.range()));
  protected readonly rangeLabel = computed(() => formatRange(this.range().from, rangeEnd(this.range())));
  protected readonly gridSize = computed(() => `calc(100% / ${this.range().weeks}) 100%`);
  protected readonly todayAt = computed(() => todayPct(this.range(), localDate(new Date())));
  protected readonly withPending = computed(() => showsPending(this.q().status));

  private readonly request = computed(() => ({ range: this.range(), team: this.q().team, status: this.q().status }));
  protected readonly state = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.tick)]).pipe(
      loadEach(([r]) =>
        forkJoin({
          window: this.data.window(r.range, r.team),
          directory: this.directory.directory().pipe(take(1)),
        }).pipe(
          map(({ window, directory }) => ({
            placements: window.placements,
            requests: showsPending(r.status) ? window.pendingRequests : [],
            blackouts: window.blackouts,
            truncated: window.truncated,
            directory,
          })),
        ),
      ),
    ),
    { initialValue: LOADING },
  );

  /** The loaded placements, with the moves made here since applied. */
  private readonly placements = linkedSignal<BarSource[]>(() => this.state().data?.placements ?? []);
  protected readonly teams = computed(() => this.state().data?.directory.teams ?? []);
  protected readonly groups = computed(() => {
    const data = this.state().data;
    if (!data) return [];
    const { team, status } = this.q();
    const me = this.session.user();
    const teams = team ? data.directory.teams.filter((t) => t.id === team) : data.directory.teams;
    const placements = this.placements().filter((p) => matchesStatus(status, p));
    // Empty rows only for teams the viewer runs (or all active ones for an admin), so a manager is not shown every team in the company.
    const keep = (t: { id: string; managerId: string; active: boolean }) =>
      !!team || (me?.role === 'admin' ? t.active : t.managerId === me?.id);
    return buildTimeline(this.range(), teams, placements, keep, {
      requests: data.requests,
      blackouts: data.blackouts,
    });
  });
  protected readonly pageGroups = computed(() => {
    const { page, pageSize } = this.q();
    return this.groups().slice((page - 1) * pageSize, page * pageSize);
  });

  /** The move on screen, not yet confirmed. */
  protected readonly proposal = signal<Proposal | null>(null);
  /** What the last move came to, in words. */
  protected readonly message = signal<string | null>(null);
  private drag: Drag | null = null;
  private confirming = false;
  private suppressClick = false;

  /** The proposed dates in words, read out as they change. */
  protected readonly proposalText = computed(() => {
    const p = this.proposal();
    const placement = p && this.placements().find((x) => x.id === p.id);
    if (!p || !placement) return '';
    const { startDate, endDate } = shiftDates(placement, p.days);
    const how = p.via === 'keys' ? 'Press Enter to reschedule, Escape to keep the dates.' : 'Release to reschedule.';
    return `New dates for ${this.pm(placement.pmId)}: ${formatDates(startDate, endDate)}, ${describeShift(p.days)}. ${how}`;
  });

  constructor() {
    // A drag ends in a click on the bar; caught before the bar's link sees it, so dropping never opens the placement.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const swallow = (event: MouseEvent) => {
      if (!this.suppressClick) return;
      this.suppressClick = false;
      event.preventDefault();
      event.stopPropagation();
    };
    host.addEventListener('click', swallow, true);
    inject(DestroyRef).onDestroy(() => host.removeEventListener('click', swallow, true));
  }

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

  private team(id: string): string {
    const data = this.state().data;
    return data ? teamName(data.directory.teamsById, id) : '';
  }

  protected barLabel(p: BarSource): string {
    return `${this.pm(p.pmId)}, ${this.team(p.teamId)}, ${formatDates(p.startDate, p.endDate)}, ${STATUS_LABEL[p.status].toLowerCase()}`;
  }

  protected ghostLabel(r: GhostSource): string {
    const waiting = WAITING_FOR[r.status as PendingStatus] ?? STATUS_LABEL[r.status].toLowerCase();
    return `Pending: ${this.pm(r.pmId)}, ${this.team(r.teamId)}, ${formatDates(r.startDate, r.endDate)}, ${waiting}`;
  }

  protected bandLabel(b: Blackout): string {
    return `Blackout: ${b.reason || 'no reason given'}, ${formatDates(b.startsOn, b.endsOn)}${b.teamId ? '' : ', all teams'}`;
  }

  /** The host team's manager or an admin may move a scheduled or running placement, as on its own page. */
  protected canMove(p: BarSource): boolean {
    const me = this.session.user();
    const data = this.state().data;
    if (!me || !data || (p.status !== 'scheduled' && p.status !== 'active')) return false;
    return me.role === 'admin' || data.directory.teamsById.get(p.teamId)?.managerId === me.id;
  }

  /** Days the bar is proposed to move, 0 when it is not being moved. */
  protected shiftOf(b: TimelineBar): number {
    const p = this.proposal();
    return p?.id === b.placement.id ? p.days : 0;
  }

  /** Where the bar is drawn: at its proposed dates while being moved (within the range). */
  protected geometryOf(b: TimelineBar): TimelineBar['geometry'] {
    const days = this.shiftOf(b);
    if (!days) return b.geometry;
    const { startDate, endDate } = shiftDates(b.placement, days);
    return barGeometry(this.range(), startDate, endDate) ?? b.geometry;
  }

  protected proposedDates(b: TimelineBar): string {
    const { startDate, endDate } = shiftDates(b.placement, this.shiftOf(b));
    return formatDates(startDate, endDate);
  }

  // ---------------------------------------------------------------- drag

  protected pointerDown(event: PointerEvent, b: TimelineBar): void {
    this.suppressClick = false;
    if (event.button !== 0 || this.confirming || !this.canMove(b.placement)) return;
    const bar = event.currentTarget as HTMLElement;
    const trackWidth = bar.closest('.track')?.getBoundingClientRect().width ?? 0;
    if (!trackWidth) return;
    bar.setPointerCapture?.(event.pointerId);
    this.drag = { id: b.placement.id, pointerId: event.pointerId, startX: event.clientX, trackWidth, moved: false };
  }

  protected pointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    drag.moved = true;
    event.preventDefault();
    this.message.set(null);
    this.proposal.set({ id: drag.id, days: snapDays(dx, drag.trackWidth, this.range().weeks * 7), via: 'drag' });
  }

  protected pointerUp(event: PointerEvent, b: TimelineBar): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = null;
    if (!drag.moved) return;
    // The click that follows this release (same task) is swallowed; should none come, the next one is not.
    this.suppressClick = true;
    setTimeout(() => (this.suppressClick = false));
    if (this.shiftOf(b) === 0) {
      this.proposal.set(null);
      return;
    }
    void this.confirmMove(b.placement);
  }

  protected pointerCancel(event: PointerEvent): void {
    if (!this.drag || this.drag.pointerId !== event.pointerId) return;
    this.drag = null;
    if (this.proposal()?.via === 'drag') this.proposal.set(null);
  }

  // ------------------------------------------------------------ keyboard

  protected keyDown(event: KeyboardEvent, b: TimelineBar): void {
    if (!this.canMove(b.placement) || this.confirming) return;
    const id = b.placement.id;
    const days = this.shiftOf(b);
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        event.preventDefault();
        const next = days + (event.shiftKey ? 7 : 1) * (event.key === 'ArrowLeft' ? -1 : 1);
        this.message.set(null);
        this.proposal.set(next === 0 ? null : { id, days: next, via: 'keys' });
        break;
      }
      case 'Enter':
        // Without a move, Enter opens the placement as any link does.
        if (days !== 0) {
          event.preventDefault();
          void this.confirmMove(b.placement);
        }
        break;
      case 'Escape':
        if (this.proposal()?.id === id) {
          event.preventDefault();
          event.stopPropagation();
          this.proposal.set(null);
          this.message.set(`Not moved: ${this.pm(b.placement.pmId)} keeps the dates.`);
        }
        break;
    }
  }

  /** Leaving a bar drops the move proposed with its keys. */
  protected blur(b: TimelineBar): void {
    const p = this.proposal();
    if (!this.confirming && p?.id === b.placement.id && p.via === 'keys') this.proposal.set(null);
  }

  private async confirmMove(placement: BarSource): Promise<void> {
    const proposal = this.proposal();
    if (!proposal || proposal.id !== placement.id || !proposal.days || this.confirming) return;
    const { startDate, endDate } = shiftDates(placement, proposal.days);
    const pm = this.pm(placement.pmId);
    this.confirming = true;
    try {
      const ref = this.dialog.open<MoveDialog, MoveDialogData, Placement>(MoveDialog, {
        data: {
          placement,
          subject: `${pm} in ${this.team(placement.teamId)}`,
          startDate,
          endDate,
          shift: describeShift(proposal.days),
        },
        width: 'min(520px, 94vw)',
      });
      const dialog = ref.componentInstance;
      const updated = await firstValueFrom(ref.afterClosed());
      if (updated) {
        const { startDate, endDate, durationWeeks, status } = updated;
        this.placements.update((list) =>
          list.map((p) => (p.id === updated.id ? { ...p, startDate, endDate, durationWeeks, status } : p)),
        );
        this.message.set(
          `Rescheduled ${pm} to ${formatDates(updated.startDate, updated.endDate)}. Check-ins moved and invites updated.`,
        );
      } else {
        const refusal = dialog.error();
        const kept = `${pm} keeps ${formatDates(placement.startDate, placement.endDate)}`;
        this.message.set(refusal ? `Not moved: ${refusal} ${kept}.` : `Not moved: ${kept}.`);
      }
    } finally {
      this.confirming = false;
      this.proposal.set(null);
    }
  }
}
