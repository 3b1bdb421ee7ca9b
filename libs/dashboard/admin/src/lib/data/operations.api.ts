import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditEntry,
  FailedJob,
  JobRun,
  JobRunOutcome,
  NotificationKind,
  NotificationRecord,
  NotificationStatus,
  Page,
  QueueMonitor,
  RetryFailedResult,
} from '@stint/contracts';
import { Observable } from 'rxjs';
import { queryParams } from './http-params';

/** The queues the API monitors, in the order the monitor lists them. */
export const QUEUE_NAMES = ['reminders', 'email', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The admin's window on what the system did: emails, the audit trail, the queues. */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  emails(filter: {
    kind?: NotificationKind | null;
    status?: NotificationStatus | null;
    recipient?: string | null;
    page?: number;
    pageSize?: number;
  }): Observable<Page<NotificationRecord>> {
    return this.http.get<Page<NotificationRecord>>('/api/notifications', { params: queryParams(filter) });
  }

  /** Queues a failed email again (409 INVALID_STATE unless it is failed). */
  retryEmail(id: string): Observable<NotificationRecord> {
    return this.http.post<NotificationRecord>(`/api/notifications/${encodeURIComponent(id)}/retry`, {});
  }

  /** Queues every failed email again. */
  retryFailedEmails(): Observable<RetryFailedResult> {
    return this.http.post<RetryFailedResult>('/api/notifications/retry-failed', {});
  }

  audit(filter: {
    entityType?: string | null;
    entityId?: string | null;
    page?: number;
    pageSize?: number;
  }): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(filter) });
  }

  queueMonitor(): Observable<QueueMonitor> {
    return this.http.get<QueueMonitor>('/api/admin/queues');
  }

  failedJobs(queue: QueueName, paging: { page?: number; pageSize?: number }): Observable<Page<FailedJob>> {
    return this.http.get<Page<FailedJob>>(`/api/admin/queues/${queue}/failed`, { params: queryParams(paging) });
  }

  /** Runs a failed job again (404 NOT_FOUND once it is no longer failed). */
  retryJob(queue: string, id: string): Observable<void> {
    return this.http.post<void>(
      `/api/admin/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/retry`,
      {},
    );
  }

  jobRuns(filter: { outcome?: JobRunOutcome | null; page?: number; pageSize?: number }): Observable<Page<JobRun>> {
    return this.http.get<Page<JobRun>>('/api/admin/job-runs', { params: queryParams(filter) });
  }
}
