import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, type NotificationKind, type NotificationStatus } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { injectListPage, loadable, LOADING, oneOf, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
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
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    .queues { margin-bottom: 16px; }
    .queues ul { display: flex; flex-wrap: wrap; gap: 8px 24px; list-style: none; padding: 0; margin: 8px 0 0; }
    .queues-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }
    h2 { margin: 0; }
    .last-error { color: var(--mat-sys-error); font: var(--mat-sys-body-small); max-width: 420px; overflow-wrap: anywhere; }
    tr.failed td { background: color-mix(in srgb, var(--mat-sys-error-container) 40%, transparent); }
  `,
  template: `
    <div class="head"><h1>Email log</h1></div>
    <p class="lead">Every email Stint recorded, newest first. Failed ones are retried with back-off; the last error says why the mail server refused.</p>

    <mat-card appearance="outlined" class="queues">
      <mat-card-content>
        <div class="queues-head">
          <h2>Queue monitor</h2>
          <a mat-stroked-button href="/api/admin/queues" target="_blank" rel="noopener" data-testid="queue-monitor-link">
            <mat-icon aria-hidden="true">open_in_new</mat-icon> Open queue monitor
          </a>
        </div>
        @if (queues(); as state) {
          @if (state.status === 'ready') {
            <ul aria-label="Jobs per queue">
              @for (q of state.value.queues; track q.name) {
                <li><strong>{{ q.name }}</strong>: {{ q.waiting }} waiting, {{ q.delayed }} delayed, {{ q.active }} active, {{ q.failed }} failed</li>
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
        <mat-select [value]="query().kind" (valueChange)="navigate({ kind: $event, page: null })" data-testid="kind-filter">
          <mat-option [value]="null">All kinds</mat-option>
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ kindLabel[kind] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <mat-select [value]="query().status" (valueChange)="navigate({ status: $event, page: null })" data-testid="status-filter">
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
                <span class="chip" [class.ok]="n.status === 'sent'" [class.bad]="n.status === 'failed'" [class.wait]="n.status === 'pending'">{{ statusText(n.status) }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="delivery">
              <th mat-header-cell *matHeaderCellDef scope="col">Delivery</th>
              <td mat-cell *matCellDef="let n">
                <div>{{ n.attempts }} {{ n.attempts === 1 ? 'attempt' : 'attempts' }}{{ n.sentAt ? ', sent ' + when(n.sentAt) : '' }}</div>
                @if (n.lastError) {
                  <div class="last-error">Last error: {{ n.lastError }}</div>
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
  private readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly statuses = NOTIFICATION_STATUSES;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['createdAt', 'kind', 'recipient', 'subject', 'status', 'delivery'];

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
  protected readonly queues = toSignal(loadable(this.api.queues(), describeError), { initialValue: LOADING });

  protected readonly recipient = new FormControl(this.query().recipient, { nonNullable: true });

  constructor() {
    this.recipient.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((recipient) => this.navigate({ recipient: recipient.trim() || null, page: null }));
  }

  protected when(instant: string | null): string {
    return formatInstant(instant, this.timeZone);
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
}
