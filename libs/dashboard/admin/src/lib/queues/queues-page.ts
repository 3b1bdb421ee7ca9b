import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { FailedJob, JobRun } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import {
  injectListPage,
  CardTable,
  ListActions,
  ListTable,
  loadable,
  LOADING,
  oneOf,
  pageQuery,
  QueryChange,
} from '@stint/dashboard-ui';
import { firstValueFrom, switchMap } from 'rxjs';
import { OperationsApi, QUEUE_NAMES } from '../data/operations.api';
import { formatInstant, formatLateness } from '../util/format';

export const JOB_RUN_KIND_LABEL: Record<JobRun['kind'], string> = {
  checkin_reminder: 'Check-in reminder',
  checkin_overdue: 'Check-in overdue',
  approval_nudge: 'Approval nudge',
};

@Component({
  selector: 'lib-queues-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ListTable,
    ListActions,
    CardTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './queues-page.scss'],
  templateUrl: './queues-page.html',
})
export class QueuesPage {
  private readonly api = inject(OperationsApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';
  protected readonly queueNames = QUEUE_NAMES;
  protected readonly countColumns = (['waiting', 'delayed', 'active', 'failed', 'completed', 'paused'] as const).map(
    (key) => ({
      key,
      label: key.charAt(0).toUpperCase() + key.slice(1),
    }),
  );
  protected readonly queueColumns = ['name', ...this.countColumns.map((c) => c.key)];
  protected readonly schedulerColumns = ['key', 'every', 'next'];
  protected readonly failedColumns = ['failedAt', 'job', 'attempts', 'reason'];
  protected readonly skippedColumns = ['kind', 'dueAt', 'ranAt', 'lateness', 'reason'];
  protected readonly retrying = signal<string | null>(null);

  protected readonly failedList = injectListPage({
    read: (p) => ({
      queue: oneOf(p.get('queue'), QUEUE_NAMES) ?? 'email',
      ...pageQuery(p, 'failed', 10),
    }),
    fetch: ({ queue, page, pageSize }) => this.api.failedJobs(queue, { page, pageSize }),
    describeError,
    pagePrefix: 'failed',
  });
  protected readonly skippedList = injectListPage({
    read: (p) => pageQuery(p, 'skipped', 10),
    fetch: (q) => this.api.jobRuns({ outcome: 'skipped', ...q }),
    describeError,
    pagePrefix: 'skipped',
  });

  protected readonly failedQuery = this.failedList.query;
  /** Read again with the failed jobs, so a retry shows in the counts too. */
  protected readonly monitor = toSignal(
    this.failedList.reloads.pipe(switchMap(() => loadable(this.api.queueMonitor(), describeError))),
    { initialValue: LOADING },
  );

  protected when(instant: string | null): string {
    return formatInstant(instant, this.timeZone);
  }

  protected lateness(ms: number): string {
    return formatLateness(ms);
  }

  protected kindText(kind: JobRun['kind']): string {
    return JOB_RUN_KIND_LABEL[kind] ?? kind;
  }

  protected navigate(change: QueryChange): void {
    this.failedList.navigate(change);
  }

  protected refresh(): void {
    this.failedList.reload();
    this.skippedList.reload();
  }

  protected async retry(job: FailedJob): Promise<void> {
    this.retrying.set(job.id);
    try {
      await firstValueFrom(this.api.retryJob(job.queue, job.id));
      this.snackBar.open(`Job ${job.id} queued to run again.`, 'OK', {
        duration: 5000,
      });
    } catch (error) {
      this.snackBar.open(`Could not retry the job: ${describeError(error).message}`, 'OK', { duration: 8000 });
    } finally {
      this.retrying.set(null);
      this.failedList.reload();
    }
  }
}
