import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
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
import { firstValueFrom, switchMap } from 'rxjs';
import {
  confirmAction,
  injectListPage,
  injectListSearch,
  ListActions,
  ListTable,
  loadable,
  LOADING,
  oneOf,
  pageQuery,
  QueryChange,
} from '@stint/dashboard-ui';
import { OperationsApi } from '../data/operations.api';
import { EmailPreviewDialog, EmailPreviewData } from './email-preview-dialog';
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
  waitlisted: 'Waitlisted',
  offer_made: 'Place offered',
  offer_lapsed: 'Offer lapsed',
  offer_accepted: 'Offer accepted',
  proposal_made: 'Other dates proposed',
  proposal_accepted: 'Proposal accepted',
  proposal_declined: 'Proposal declined',
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
    MatSelectModule,
    MatTableModule,
    ListTable,
    ListActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './emails-page.scss'],
  templateUrl: './emails-page.html',
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
  protected readonly columns = ['createdAt', 'kind', 'recipient', 'subject', 'status', 'delivery'];
  protected readonly busy = signal(false);
  protected readonly isFailed = (n: NotificationRecord): boolean => n.status === 'failed';

  /** The email as sent, in a sandboxed frame. */
  protected preview(n: NotificationRecord): void {
    this.dialog.open<EmailPreviewDialog, EmailPreviewData>(EmailPreviewDialog, {
      data: { id: n.id, subject: n.subject, recipient: n.recipient },
      maxWidth: '95vw',
    });
  }

  protected readonly list = injectListPage({
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
  /** Read again with the list, so a retry shows in the counts too. */
  protected readonly queues = toSignal(
    this.list.reloads.pipe(switchMap(() => loadable(this.api.queueMonitor(), describeError))),
    { initialValue: LOADING },
  );

  protected readonly recipient = injectListSearch(this.list, 'recipient', this.query().recipient);

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
