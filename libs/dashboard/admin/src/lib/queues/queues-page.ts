import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { FailedJob, JobRun } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { injectListPage, loadable, LOADING, oneOf, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
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
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    section {
      margin-bottom: 24px;
    }
    .worker {
      margin-bottom: 16px;
    }
    .worker p {
      margin: 8px 0 0;
    }
    td.num,
    th.num {
      text-align: right;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .reason {
      max-width: 420px;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <div class="head">
      <h1>Queues</h1>
      <button mat-stroked-button type="button" (click)="refresh()" data-testid="refresh-queues">
        <mat-icon aria-hidden="true">refresh</mat-icon> Refresh
      </button>
    </div>
    <p class="lead">
      What the worker does in the background: reminders, emails and upkeep. Jobs that ran out of attempts can be run
      again here once their cause is fixed. Times are in
      {{ timeZone }}.
    </p>

    @if (monitor(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the queue monitor" />
      } @else if (state.status === 'error') {
        <p class="error" role="alert">
          Could not load the queue monitor: {{ state.message }} Check that Redis is running, then press Refresh.
        </p>
      } @else {
        @let m = state.value;
        <mat-card appearance="outlined" class="worker" data-testid="worker-status">
          <mat-card-content>
            <h2>Worker</h2>
            <p>
              <span class="chip" [class.ok]="m.worker.status === 'up'" [class.bad]="m.worker.status === 'down'">{{
                m.worker.status === 'up' ? 'Up' : 'Down'
              }}</span>
              {{
                m.worker.lastHeartbeatAt
                  ? 'Last heartbeat ' + when(m.worker.lastHeartbeatAt)
                  : 'No heartbeat recorded yet'
              }}.
            </p>
            @if (m.worker.status === 'down') {
              <p>
                Reminders and emails wait in their queues until a worker runs. Start the worker, or read its logs to see
                why it stopped.
              </p>
            }
          </mat-card-content>
        </mat-card>

        <section aria-labelledby="queues-heading">
          <h2 id="queues-heading">Jobs per queue</h2>
          <div class="table-wrap" tabindex="0" role="region" aria-label="Jobs per queue">
            <table mat-table [dataSource]="m.queues" data-testid="queues-table">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef scope="col">Queue</th>
                <td mat-cell *matCellDef="let q">{{ q.name }}</td>
              </ng-container>
              @for (column of countColumns; track column.key) {
                <ng-container [matColumnDef]="column.key">
                  <th mat-header-cell *matHeaderCellDef scope="col" class="num">
                    {{ column.label }}
                  </th>
                  <td mat-cell *matCellDef="let q" class="num">
                    {{ q[column.key] }}
                  </td>
                </ng-container>
              }
              <tr mat-header-row *matHeaderRowDef="queueColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: queueColumns"></tr>
            </table>
            @if (!m.queues.length) {
              <p class="empty">No queue reported any jobs.</p>
            }
          </div>
        </section>

        <section aria-labelledby="schedulers-heading">
          <h2 id="schedulers-heading">Schedules</h2>
          @if (m.schedulers.length) {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Schedules">
              <table mat-table [dataSource]="m.schedulers" data-testid="schedulers-table">
                <ng-container matColumnDef="key">
                  <th mat-header-cell *matHeaderCellDef scope="col">Job</th>
                  <td mat-cell *matCellDef="let s">{{ s.key }}</td>
                </ng-container>
                <ng-container matColumnDef="every">
                  <th mat-header-cell *matHeaderCellDef scope="col">Runs</th>
                  <td mat-cell *matCellDef="let s">{{ s.every }}</td>
                </ng-container>
                <ng-container matColumnDef="next">
                  <th mat-header-cell *matHeaderCellDef scope="col">Next run</th>
                  <td mat-cell *matCellDef="let s" class="nowrap">
                    {{ when(s.next) }}
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="schedulerColumns"></tr>
                <tr mat-row *matRowDef="let row; columns: schedulerColumns"></tr>
              </table>
            </div>
          } @else {
            <p class="muted">
              No schedules are registered. The worker registers them when it starts: start the worker.
            </p>
          }
        </section>
      }
    }

    <section aria-labelledby="failed-heading">
      <h2 id="failed-heading">Failed jobs</h2>
      <p class="muted">Jobs that ran out of attempts. Fix the cause (e.g. the mail server), then retry them.</p>
      <div class="filters">
        <mat-form-field appearance="outline">
          <mat-label>Queue</mat-label>
          <mat-select
            [value]="failedQuery().queue"
            (valueChange)="navigate({ queue: $event, failedPage: null })"
            data-testid="failed-queue"
          >
            @for (name of queueNames; track name) {
              <mat-option [value]="name">{{ name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (failed(); as state) {
        @if (state.status === 'loading') {
          <mat-progress-bar mode="indeterminate" aria-label="Loading failed jobs" />
        }
        <div class="table-wrap" tabindex="0" role="region" aria-label="Failed jobs">
          @if (state.status === 'error') {
            <p class="error" role="alert">
              Could not load failed jobs: {{ state.message }} Press Refresh to try again.
            </p>
          } @else if (state.status === 'ready') {
            <table mat-table [dataSource]="state.value.items" data-testid="failed-jobs-table">
              <ng-container matColumnDef="failedAt">
                <th mat-header-cell *matHeaderCellDef scope="col">Failed</th>
                <td mat-cell *matCellDef="let j" class="nowrap">
                  {{ when(j.failedAt) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="job">
                <th mat-header-cell *matHeaderCellDef scope="col">Job</th>
                <td mat-cell *matCellDef="let j">
                  <div>{{ j.name }}</div>
                  <div class="muted small">{{ j.id }}</div>
                </td>
              </ng-container>
              <ng-container matColumnDef="attempts">
                <th mat-header-cell *matHeaderCellDef scope="col" class="num">Attempts</th>
                <td mat-cell *matCellDef="let j" class="num">
                  {{ j.attemptsMade }}
                </td>
              </ng-container>
              <ng-container matColumnDef="reason">
                <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
                <td mat-cell *matCellDef="let j" class="reason">
                  {{ j.failedReason || '—' }}
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef scope="col" class="actions">
                  <span class="sr-only">Actions</span>
                </th>
                <td mat-cell *matCellDef="let j" class="actions">
                  <button
                    mat-button
                    type="button"
                    (click)="retry(j)"
                    [disabled]="retrying() === j.id"
                    [attr.aria-label]="'Retry job ' + j.id"
                    data-testid="retry-job"
                  >
                    Retry
                  </button>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="failedColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: failedColumns"></tr>
            </table>
            @if (!state.value.items.length) {
              <p class="empty">No failed jobs in the {{ failedQuery().queue }} queue.</p>
            }
            <mat-paginator
              [length]="state.value.total"
              [pageIndex]="state.value.page - 1"
              [pageSize]="state.value.pageSize"
              [pageSizeOptions]="pageSizes"
              (page)="page($event, 'failed')"
              aria-label="Pages of failed jobs"
            />
          }
        </div>
      }
    </section>

    <section aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">Skipped jobs</h2>
      <p class="muted">
        Reminders, overdue notices and approval nudges that ran but sent nothing, and why (e.g. the check-in had already
        begun).
      </p>
      @if (skipped(); as state) {
        @if (state.status === 'loading') {
          <mat-progress-bar mode="indeterminate" aria-label="Loading skipped jobs" />
        }
        <div class="table-wrap" tabindex="0" role="region" aria-label="Skipped jobs">
          @if (state.status === 'error') {
            <p class="error" role="alert">
              Could not load skipped jobs: {{ state.message }} Press Refresh to try again.
            </p>
          } @else if (state.status === 'ready') {
            <table mat-table [dataSource]="state.value.items" data-testid="skipped-jobs-table">
              <ng-container matColumnDef="kind">
                <th mat-header-cell *matHeaderCellDef scope="col">Kind</th>
                <td mat-cell *matCellDef="let r">{{ kindText(r.kind) }}</td>
              </ng-container>
              <ng-container matColumnDef="dueAt">
                <th mat-header-cell *matHeaderCellDef scope="col">Due</th>
                <td mat-cell *matCellDef="let r" class="nowrap">
                  {{ when(r.dueAt) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="ranAt">
                <th mat-header-cell *matHeaderCellDef scope="col">Ran</th>
                <td mat-cell *matCellDef="let r" class="nowrap">
                  {{ when(r.ranAt) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="lateness">
                <th mat-header-cell *matHeaderCellDef scope="col">Lateness</th>
                <td mat-cell *matCellDef="let r" class="nowrap">
                  {{ lateness(r.latenessMs) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="reason">
                <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
                <td mat-cell *matCellDef="let r" class="reason">
                  {{ r.reason || '—' }}
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="skippedColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: skippedColumns"></tr>
            </table>
            @if (!state.value.items.length) {
              <p class="empty">No skipped jobs: every reminder and nudge that ran was sent.</p>
            }
            <mat-paginator
              [length]="state.value.total"
              [pageIndex]="state.value.page - 1"
              [pageSize]="state.value.pageSize"
              [pageSizeOptions]="pageSizes"
              (page)="page($event, 'skipped')"
              aria-label="Pages of skipped jobs"
            />
          }
        </div>
      }
    </section>
  `,
})
export class QueuesPage {
  private readonly api = inject(OperationsApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';
  protected readonly queueNames = QUEUE_NAMES;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly countColumns = (['waiting', 'delayed', 'active', 'failed', 'completed', 'paused'] as const).map(
    (key) => ({
      key,
      label: key.charAt(0).toUpperCase() + key.slice(1),
    }),
  );
  protected readonly queueColumns = ['name', ...this.countColumns.map((c) => c.key)];
  protected readonly schedulerColumns = ['key', 'every', 'next'];
  protected readonly failedColumns = ['failedAt', 'job', 'attempts', 'reason', 'actions'];
  protected readonly skippedColumns = ['kind', 'dueAt', 'ranAt', 'lateness', 'reason'];
  protected readonly retrying = signal<string | null>(null);

  private readonly failedList = injectListPage({
    read: (p) => ({
      queue: oneOf(p.get('queue'), QUEUE_NAMES) ?? 'email',
      ...pageQuery(p, 'failed', 10),
    }),
    fetch: ({ queue, page, pageSize }) => this.api.failedJobs(queue, { page, pageSize }),
    describeError,
  });
  private readonly skippedList = injectListPage({
    read: (p) => pageQuery(p, 'skipped', 10),
    fetch: (q) => this.api.jobRuns({ outcome: 'skipped', ...q }),
    describeError,
  });

  protected readonly failedQuery = this.failedList.query;
  protected readonly failed = this.failedList.state;
  protected readonly skipped = this.skippedList.state;
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

  protected page(event: PageEvent, prefix: 'failed' | 'skipped'): void {
    this.navigate({
      [`${prefix}Page`]: event.pageIndex + 1,
      [`${prefix}PageSize`]: event.pageSize,
    });
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
