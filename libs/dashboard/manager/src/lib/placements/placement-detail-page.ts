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
import { askForComment, Loading } from '@stint/dashboard-ui';
import { CheckInsService } from '../check-ins/check-ins.service';
import { askForFeedback } from '../check-ins/feedback-dialog';
import { formatDay, formatInstant, instantDate, weekStart } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { injectHandset } from '../shared/handset';
import { KIND_LABEL, plural } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { EmptyState, ErrorPanel, StatusChip } from '../shared/ui';
import { PlacementsService } from './placements.service';
import { RescheduleDialog, RescheduleDialogData } from './reschedule-dialog';

@Component({
  selector: 'lib-placement-detail-page',
  imports: [RouterLink, MatCardModule, MatButtonModule, MatTableModule, StatusChip, Loading, ErrorPanel, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    PAGE_STYLES,
    `
      .back {
        display: inline-flex;
        gap: 4px;
        margin-bottom: 8px;
        color: var(--mat-sys-primary);
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 8px 16px;
        margin: 0;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        margin-top: 16px;
      }
      .result {
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
      .feedback {
        margin: 4px 0 0;
        padding-left: 18px;
        font: var(--mat-sys-body-small);
      }
      .notes {
        max-width: 340px;
      }
      td.nowrap,
      td button {
        white-space: nowrap;
      }
    `,
  ],
  template: `
    <a class="back" routerLink="/timeline" [queryParams]="timelineParams()"
      ><span aria-hidden="true">←</span> Timeline</a
    >
    <lib-loading [active]="state().status === 'loading'" label="Loading the placement…" />
    @if (state().error; as error) {
      <h1>Placement</h1>
      <lib-error-panel [message]="error" (retry)="reload()" />
    }
    @if (placement(); as p) {
      <div class="title">
        <h1>{{ pm() }} in {{ team() }}</h1>
        <lib-status-chip [status]="p.status" data-testid="placement-status" />
      </div>
      @if (message(); as text) {
        <p class="result" role="status">{{ text }}</p>
      }
      <mat-card appearance="outlined">
        <mat-card-content>
          <dl>
            <dt>PM</dt>
            <dd>{{ pm() }}</dd>
            <dt>Team</dt>
            <dd>{{ team() }}</dd>
            <dt>Dates</dt>
            <dd data-testid="placement-dates">{{ day(p.startDate) }} to {{ day(p.endDate) }}</dd>
            <dt>Duration</dt>
            <dd>{{ weeks(p.durationWeeks) }}</dd>
            @if (p.cancelledReason) {
              <dt>Cancelled because</dt>
              <dd>{{ p.cancelledReason }}</dd>
            }
            @if (isManager()) {
              <dt>Request</dt>
              <dd><a [routerLink]="['/approvals', p.requestId]">The approved request</a></dd>
            }
          </dl>
          @if (canManage()) {
            <div class="actions">
              <button mat-flat-button type="button" (click)="reschedule(p)">Reschedule…</button>
              <button mat-stroked-button type="button" (click)="cancel(p)">Cancel placement…</button>
            </div>
          } @else if (p.status === 'scheduled' || p.status === 'active') {
            <p class="muted">Only the host team's manager or an admin can reschedule or cancel this placement.</p>
          }
        </mat-card-content>
      </mat-card>

      <h2>Check-ins</h2>
      @if (p.checkIns.length === 0) {
        <lib-empty-state text="This placement has no check-ins." />
      } @else {
        <div class="table-frame" tabindex="0" role="region" aria-label="Check-ins">
          <table mat-table [dataSource]="p.checkIns">
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef>Check-in</th>
              <td mat-cell *matCellDef="let c">{{ kindLabel(c.kind) }}</td>
            </ng-container>
            <ng-container matColumnDef="when">
              <th mat-header-cell *matHeaderCellDef>When</th>
              <td mat-cell *matCellDef="let c" class="nowrap">{{ instant(c.scheduledAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let c"><lib-status-chip [status]="c.status" /></td>
            </ng-container>
            <ng-container matColumnDef="ratings">
              <th mat-header-cell *matHeaderCellDef>
                Ratings <span class="cdk-visually-hidden">(negotiation, closing, persistence)</span>
              </th>
              <td mat-cell *matCellDef="let c" class="nowrap">
                @if (c.ratings; as r) {
                  <span
                    [attr.aria-label]="
                      'Negotiation ' + r.negotiation + ', closing ' + r.closing + ', persistence ' + r.persistence
                    "
                    >N {{ r.negotiation }} · C {{ r.closing }} · P {{ r.persistence }}</span
                  >
                } @else {
                  —
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="notes">
              <th mat-header-cell *matHeaderCellDef>Reflection and feedback</th>
              <td mat-cell *matCellDef="let c" class="notes">
                {{ c.notes || '' }}
                @if (c.feedback.length) {
                  <ul class="feedback">
                    @for (f of c.feedback; track $index) {
                      <li>{{ person(f.byId, 'Manager') }}: {{ f.text }}</li>
                    }
                  </ul>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
              <td mat-cell *matCellDef="let c">
                @if (isManager() && c.status !== 'cancelled') {
                  <button
                    mat-button
                    type="button"
                    (click)="feedback(p, c)"
                    [attr.aria-label]="
                      'Add feedback to the ' +
                      kindLabel(c.kind).toLowerCase() +
                      ' check-in on ' +
                      day(date(c.scheduledAt))
                    "
                  >
                    Add feedback
                  </button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let row; columns: columns()" [attr.data-testid]="'check-in-' + row.id"></tr>
          </table>
        </div>
      }
    }
  `,
})
export class PlacementDetailPage {
  private readonly api = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly checkInsApi = inject(CheckInsService);
  private readonly handset = injectHandset();
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
  protected readonly columns = computed(() =>
    this.handset() ? ['kind', 'when', 'status', 'actions'] : ['kind', 'when', 'status', 'ratings', 'notes', 'actions'],
  );
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
}
