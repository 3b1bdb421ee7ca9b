import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CheckIn, CheckInKind, Placement } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { combineLatest, firstValueFrom, forkJoin, take } from 'rxjs';
import { askForComment, CardTable, Loading } from '@stint/dashboard-ui';
import { CheckInsService } from '../check-ins/check-ins.service';
import { askForFeedback } from '../check-ins/feedback-dialog';
import { instantDate, weekStart } from '@stint/shared-dates';
import { formatDay, formatInstant, theirLocalTime } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { KIND_LABEL, plural } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { EmptyState } from '../shared/empty-state';
import { ErrorPanel } from '../shared/error-panel';
import { StatusChip } from '../shared/status-chip';
import { PlacementsService } from './placements.service';
import { RescheduleDialog, RescheduleDialogData } from './reschedule-dialog';

@Component({
  selector: 'lib-placement-detail-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatTableModule,
    StatusChip,
    Loading,
    ErrorPanel,
    EmptyState,
    CardTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './placement-detail-page.scss'],
  templateUrl: './placement-detail-page.html',
})
export class PlacementDetailPage {
  private readonly api = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly checkInsApi = inject(CheckInsService);
  private readonly tick = signal(0);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly message = signal<string | null>(null);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.tick)]).pipe(
      loadEach(([id]) =>
        forkJoin({ placement: this.api.get(id), directory: this.directory.directory().pipe(take(1)) }),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly placement = linkedSignal<Placement | null>(() => this.state().data?.placement ?? null);
  protected readonly pm = computed(() => this.person(this.placement()?.pmId));
  protected readonly team = computed(() => {
    const data = this.state().data;
    return data ? teamName(data.directory.teamsById, this.placement()?.teamId) : '';
  });
  protected readonly isManager = computed(() => this.session.hasRole('manager', 'admin'));
  protected readonly canManage = computed(() => {
    const p = this.placement();
    const me = this.session.user();
    const data = this.state().data;
    if (!p || !me || !data || (p.status !== 'scheduled' && p.status !== 'active')) return false;
    return me.role === 'admin' || data.directory.teamsById.get(p.teamId)?.managerId === me.id;
  });
  /** Every column stays on a phone: the table turns into cards there (`libCardTable`). */
  protected readonly columns = ['kind', 'when', 'status', 'ratings', 'notes', 'actions'];
  protected readonly timelineParams = computed(() => {
    const p = this.placement();
    return p ? { from: weekStart(p.startDate), team: p.teamId } : {};
  });

  private subject(): string {
    return `${this.pm()} in ${this.team()}`;
  }

  protected async reschedule(p: Placement): Promise<void> {
    const ref = this.dialog.open<RescheduleDialog, RescheduleDialogData, Placement>(RescheduleDialog, {
      data: { placement: p, subject: this.subject() },
      width: 'min(560px, 94vw)',
    });
    const updated = await firstValueFrom(ref.afterClosed());
    if (updated) {
      this.placement.set(updated);
      this.message.set(
        `Rescheduled to ${formatDay(updated.startDate)} – ${formatDay(updated.endDate)}. Check-ins moved and invites updated.`,
      );
    }
  }

  protected async cancel(p: Placement): Promise<void> {
    const updated = await askForComment(this.dialog, {
      title: 'Cancel placement',
      intro: `${this.subject()}. Its future check-ins are cancelled and everyone's invites withdrawn. This cannot be undone.`,
      label: 'Reason',
      required: 'Say why the placement is cancelled.',
      busy: 'Cancelling…',
      dismiss: 'Keep it',
      submit: 'Cancel placement',
      rows: 3,
      send: (reason) => this.api.cancel(p.id, reason),
      describeError,
    });
    if (updated) {
      this.placement.set(updated);
      this.message.set('Cancelled. Future check-ins are cancelled and invites withdrawn.');
    }
  }

  protected async feedback(p: Placement, checkIn: CheckIn): Promise<void> {
    const subject = `${KIND_LABEL[checkIn.kind]} with ${this.pm()}, ${formatInstant(checkIn.scheduledAt)}`;
    const updated = await askForFeedback(this.dialog, this.checkInsApi, checkIn, subject);
    if (updated) {
      this.placement.set({ ...p, checkIns: p.checkIns.map((c) => (c.id === updated.id ? updated : c)) });
      this.message.set('Feedback saved.');
    }
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected person(id: string | null | undefined, role = 'PM'): string {
    const data = this.state().data;
    return data ? personName(data.directory.usersById, id, role) : '';
  }

  protected day(date: string): string {
    return formatDay(date);
  }

  protected date(instant: string): string {
    return instantDate(instant);
  }

  protected weeks(n: number): string {
    return plural(n, 'week');
  }

  protected kindLabel(kind: CheckInKind): string {
    return KIND_LABEL[kind] ?? kind;
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }

  /** The PM's own clock beside the viewer's when they differ: `16:00 in Berlin for Ana Lima`. */
  protected theirTime(at: string): string | null {
    const pmId = this.placement()?.pmId;
    const pm = pmId ? this.state().data?.directory.usersById.get(pmId) : undefined;
    return theirLocalTime(at, pm?.timezone, this.pm());
  }
}
