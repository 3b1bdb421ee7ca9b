import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationRecord,
  type NotificationStatus,
} from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { debounceTime, distinctUntilChanged, firstValueFrom, switchMap } from 'rxjs';
import {
  confirmAction,
  injectListPage,
  loadable,
  LOADING,
  oneOf,
  PAGE_SIZES,
  pageQuery,
  QueryChange,
} from '@stint/dashboard-ui';
import { OperationsApi } from '../data/operations.api';
import { formatInstant } from '../util/format';

export const KIND_LABEL: Record<NotificationKind, string> = {
  request_submitted: 'Request submitted',
  request_pending_host: 'Waiting for host',
  request_rejected: 'Request rejected',
  approval_reminder: 'Approval reminder',
  approval_escalated: 'Approval escalated',
  booked: 'Booked',
  checkin_reminder: 'Check-in reminder',
  checkin_overdue: 'Check-in overdue',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  digest: 'Daily digest',
};

export const STATUS_LABEL: Record<NotificationStatus, string> = { pending: 'Pending', sent: 'Sent', failed: 'Failed' };

@Component({
  selector: 'lib-emails-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    .queues {
      margin-bottom: 16px;
    }
    .queues ul {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
    }
    .queues-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    h2 {
      margin: 0;
    }
    .last-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      max-width: 420px;
      overflow-wrap: anywhere;
    }
    tr.failed td {
      background: color-mix(in srgb, var(--mat-sys-error-container) 40%, transparent);
    }
    .permanent {
      display: block;
      margin-top: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
  `,
  template: `
    <div class="head">
      <h1>Email log</h1>
      <button mat-stroked-button type="button" (click)="retryAll()" [disabled]="busy()" data-testid="retry-all-failed">
        <mat-icon aria-hidden="true">replay</mat-icon> Retry all failed
      </button>
    </div>
    <p class="lead">
      Every email Stint recorded, newest first. A failed send is retried with back-off (at most 5 minutes apart) for 24
      hours; a permanent refusal (a 5xx reply) is not retried. The last error says why the mail server refused: once
      that is fixed, retry failed emails here.
    </p>

    <mat-card appearance="outlined" class="queues">
      <mat-card-content>
        <div class="queues-head">
          <h2>Queue monitor</h2>
          <a mat-stroked-button routerLink="/admin/queues" data-testid="queue-monitor-link"
            ><mat-icon aria-hidden="true">dns</mat-icon> Open queue monitor</a
          >
        </div>
        @if (queues(); as state) {
          @if (state.status === 'ready') {
            <ul aria-label="Jobs per queue">
              @for (q of state.value.queues; track q.name) {
                <li>
                  <strong>{{ q.name }}</strong
                  >: {{ q.waiting }} waiting, {{ q.delayed }} delayed, {{ q.active }} active, {{ q.failed }} failed
                </li>
              }
            </ul>
          } @else if (state.status === 'error') {
            <p class="muted">Queue figures are not available here: {{ state.message }}</p>
          }
        }
      </mat-card-content>
    </mat-card>

    <div class="filters" role="search" aria-label="Filter emails">
      <mat-form-field appearance="outline">
        <mat-label>Kind</mat-label>
        <mat-select
          [value]="query().kind"
          (valueChange)="navigate({ kind: $event, page: null })"
          data-testid="kind-filter"
        >
          <mat-option [value]="null">All kinds</mat-option>
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ kindLabel[kind] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <mat-select
          [value]="query().status"
          (valueChange)="navigate({ status: $event, page: null })"
          data-testid="status-filter"
        >
          <mat-option [value]="null">Any status</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabel[status] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="grow">
        <mat-label>Recipient</mat-label>
        <input matInput [formControl]="recipient" type="search" />
      </mat-form-field>
    </div>

    @if (emails(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading emails" />
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label="Emails">
        @if (state.status === 'error') {
          <p class="error" role="alert">Could not load the email log: {{ state.message }}</p>
        } @else if (state.status === 'ready') {
          <table mat-table [dataSource]="state.value.items" data-testid="emails-table">
            <ng-container matColumnDef="createdAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Recorded</th>
              <td mat-cell *matCellDef="let n" class="nowrap">{{ when(n.createdAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef scope="col">Kind</th>
              <td mat-cell *matCellDef="let n">{{ kindText(n.kind) }}</td>
            </ng-container>
            <ng-container matColumnDef="recipient">
              <th mat-header-cell *matHeaderCellDef scope="col">To</th>
              <td mat-cell *matCellDef="let n">{{ n.recipient }}</td>
            </ng-container>
            <ng-container matColumnDef="subject">
              <th mat-header-cell *matHeaderCellDef scope="col">Subject</th>
              <td mat-cell *matCellDef="let n">{{ n.subject }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let n">
                <span
                  class="chip"
                  [class.ok]="n.status === 'sent'"
                  [class.bad]="n.status === 'failed'"
                  [class.wait]="n.status === 'pending'"
                  >{{ statusText(n.status) }}</span
                >
                @if (n.status === 'failed' && n.permanentFailure) {
                  <span class="permanent">Refused permanently</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="delivery">
              <th mat-header-cell *matHeaderCellDef scope="col">Delivery</th>
              <td mat-cell *matCellDef="let n">
                <div>{{ deliveryText(n) }}</div>
                @if (n.lastError) {
                  <div class="last-error">Last error: {{ n.lastError }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col" class="actions">
                <span class="sr-only">Actions</span>
              </th>
              <td mat-cell *matCellDef="let n" class="actions">
                @if (n.status === 'failed') {
                  <button
                    mat-button
                    type="button"
                    (click)="retry(n)"
                    [disabled]="busy()"
                    [attr.aria-label]="'Retry the email to ' + n.recipient"
                    data-testid="retry-email"
                  >
                    Retry
                  </button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" [class.failed]="row.status === 'failed'"></tr>
          </table>
          @if (!state.value.items.length) {
            <p class="empty">No emails match these filters.</p>
          }
          <mat-paginator
            [length]="state.value.total"
            [pageIndex]="state.value.page - 1"
            [pageSize]="state.value.pageSize"
            [pageSizeOptions]="pageSizes"
            (page)="page($event)"
            aria-label="Pages of emails"
          />
        }
      </div>
    }
  `,
})
export class EmailsPage {
  private readonly api = inject(OperationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly statuses = NOTIFICATION_STATUSES;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['createdAt', 'kind', 'recipient', 'subject', 'status', 'delivery', 'actions'];
  protected readonly busy = signal(false);

  private readonly list = injectListPage({
    read: (p) => ({
      kind: oneOf(p.get('kind'), NOTIFICATION_KINDS),
      status: oneOf(p.get('status'), NOTIFICATION_STATUSES),
      recipient: (p.get('recipient') ?? '').slice(0, 320),
      ...pageQuery(p),
    }),
    fetch: (q) => this.api.emails({ ...q, recipient: q.recipient || null }),
    describeError,
  });
  protected readonly query = this.list.query;
  protected readonly emails = this.list.state;
  /** Read again with the list, so a retry shows in the counts too. */
  protected readonly queues = toSignal(
    this.list.reloads.pipe(switchMap(() => loadable(this.api.queueMonitor(), describeError))),
    { initialValue: LOADING },
  );

  protected readonly recipient = new FormControl(this.query().recipient, { nonNullable: true });

  constructor() {
    this.recipient.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((recipient) => this.navigate({ recipient: recipient.trim() || null, page: null }));
  }

  protected when(instant: string | null): string {
    return formatInstant(instant, this.timeZone);
  }

  /** `2 attempts, next attempt Mon 4 Jan 2027, 10:05` or `1 attempt, sent …`. */
  protected deliveryText(n: NotificationRecord): string {
    const parts = [`${n.attempts} ${n.attempts === 1 ? 'attempt' : 'attempts'}`];
    if (n.sentAt) parts.push(`sent ${this.when(n.sentAt)}`);
    if (n.status === 'pending' && n.nextAttemptAt) parts.push(`next attempt ${this.when(n.nextAttemptAt)}`);
    return parts.join(', ');
  }

  protected kindText(kind: NotificationKind): string {
    return KIND_LABEL[kind] ?? kind;
  }

  protected statusText(status: NotificationStatus): string {
    return STATUS_LABEL[status] ?? status;
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected page(event: PageEvent): void {
    this.list.page(event);
  }

  protected async retry(email: NotificationRecord): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.retryEmail(email.id));
      this.snackBar.open(`The email to ${email.recipient} is queued to send again.`, 'OK', { duration: 5000 });
    } catch (error) {
      this.snackBar.open(`Could not retry: ${describeError(error).message}`, 'OK', { duration: 8000 });
    } finally {
      this.busy.set(false);
      this.list.reload();
    }
  }

  protected async retryAll(): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: 'Retry all failed emails?',
      message:
        'Every failed email is queued to send again. Fix what made them fail first (the last error says what), or they will fail again.',
      confirm: 'Retry all failed',
      cancel: 'Not now',
    });
    if (!yes) return;
    this.busy.set(true);
    try {
      const { retried } = await firstValueFrom(this.api.retryFailedEmails());
      this.snackBar.open(
        retried
          ? `${retried} failed ${retried === 1 ? 'email is' : 'emails are'} queued to send again.`
          : 'There were no failed emails to retry.',
        'OK',
        {
          duration: 6000,
        },
      );
    } catch (error) {
      this.snackBar.open(`Could not retry: ${describeError(error).message}`, 'OK', { duration: 8000 });
    } finally {
      this.busy.set(false);
      this.list.reload();
    }
  }
}
