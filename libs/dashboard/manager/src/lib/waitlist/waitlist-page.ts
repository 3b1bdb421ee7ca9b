import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Team, WaitlistEntry } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import {
  formatInstant,
  formatRange,
  injectListPage,
  injectNow,
  ListActions,
  ListPage,
  ListTable,
  Loadable,
  valueOf,
} from '@stint/dashboard-ui';
import { catchError, firstValueFrom, map, Observable, of, shareReplay, switchMap, take } from 'rxjs';
import { DirectoryService } from '../shared/directory.service';
import { EmptyState } from '../shared/empty-state';
import { plural } from '../shared/labels';
import { param } from '../shared/query-params';
import { StatusChip } from '../shared/status-chip';
import { TeamFilter } from '../shared/team-filter';
import { canMove, Direction, entryStatus, moveInLine, NO_TEAM, toView, WaitlistView } from './waitlist-order';
import { WaitlistService } from './waitlist.service';

const TEAM = param.id();

/**
 * A team's waitlist for its manager and for admins: the offers out, then the line in the order places are
 * offered. Admins can move a request up or down the line. `?team=` picks the team (the first one by default).
 */
@Component({
  selector: 'lib-waitlist-page',
  imports: [RouterLink, MatButtonModule, MatTableModule, ListTable, ListActions, TeamFilter, StatusChip, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './waitlist-page.scss'],
  templateUrl: './waitlist-page.html',
})
export class WaitlistPage {
  private readonly api = inject(WaitlistService);
  private readonly session = inject(SessionService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly timeZone = this.session.user()?.timezone ?? 'UTC';
  private readonly now = injectNow();

  protected readonly isAdmin = this.session.user()?.role === 'admin';
  protected readonly columns = ['position', 'pm', 'dates', 'since', 'status'];
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);

  /** The teams to pick from: every team for an admin, the teams they host for a manager. */
  private readonly teams$: Observable<Team[]> = inject(DirectoryService)
    .directory()
    .pipe(
      map((d) => d.teams.filter((t) => this.isAdmin || t.managerId === this.session.user()?.id)),
      catchError(() => of([])),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
  protected readonly teams = toSignal(this.teams$, { initialValue: null });

  private readonly list = injectListPage({
    read: (params) => ({ team: TEAM.parse(params.get('team')) }),
    fetch: (q) =>
      this.teams$.pipe(
        take(1),
        switchMap((teams) => {
          const teamId = q.team || teams[0]?.id;
          return teamId ? this.api.get(teamId).pipe(map(toView)) : of(NO_TEAM);
        }),
      ),
    describeError,
  });
  /** The list as loaded, replaced by the API's answer after a move (no reload, so the table stays put). */
  private readonly shown = linkedSignal<Loadable<WaitlistView>>(() => this.list.state());
  protected readonly table: ListPage<unknown, WaitlistView> = { ...this.list, state: this.shown };
  protected readonly view = computed(() => valueOf(this.shown()));
  protected readonly teamId = computed(() => this.list.query().team || this.view()?.teamId || '');

  protected pickTeam(teamId: string): void {
    this.notice.set(null);
    this.list.navigate({ team: teamId || null });
  }

  protected status(entry: WaitlistEntry): string {
    return entryStatus(entry, this.timeZone, this.now());
  }

  protected since(entry: WaitlistEntry): string {
    return formatInstant(entry.waitlistedAt, this.timeZone);
  }

  protected dates(entry: WaitlistEntry): string {
    return `${formatRange(entry.startDate, entry.endDate)} · ${plural(entry.durationWeeks, 'week')}`;
  }

  protected places(n: number): string {
    return plural(n, 'place');
  }

  protected canMove(entry: WaitlistEntry, direction: Direction): boolean {
    return canMove(this.view()?.items ?? [], entry, direction);
  }

  /** An admin moves a request one place: the whole new line goes to the API, which refuses a stale one. */
  protected async move(entry: WaitlistEntry, direction: Direction): Promise<void> {
    const view = this.view();
    const order = view && moveInLine(view.items, entry.requestId, direction);
    if (!view || !order) return;
    this.busy.set(true);
    this.notice.set(null);
    try {
      const saved = toView(await firstValueFrom(this.api.reorder(view.teamId, order)));
      this.shown.set({ status: 'ready', value: saved });
      this.notice.set(`Moved ${entry.pmName} ${direction}: now number ${order.indexOf(entry.requestId) + 1} in line.`);
      this.refocus(entry.requestId, direction);
    } catch (error) {
      const { message, body } = describeError(error);
      this.notice.set(
        body?.code === 'CONFLICT'
          ? 'The waitlist changed since it was loaded (someone joined or left it, or a place was offered), so nothing was moved. Here it is as it is now: check the order and try again.'
          : `Could not move ${entry.pmName}: ${message}`,
      );
      if (body?.code === 'CONFLICT') this.list.reload();
    } finally {
      this.busy.set(false);
    }
  }

  /** Keeps the keyboard on the moved request's button (or its other one, at an end of the line). */
  private refocus(requestId: string, direction: Direction): void {
    afterNextRender(
      () => {
        const button = (dir: Direction) =>
          this.host.nativeElement.querySelector<HTMLButtonElement>(`button[data-move="${requestId}:${dir}"]`);
        const same = button(direction);
        (same && !same.disabled ? same : button(direction === 'up' ? 'down' : 'up'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
