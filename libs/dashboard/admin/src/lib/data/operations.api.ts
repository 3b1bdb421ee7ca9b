import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEntry, NotificationKind, NotificationRecord, NotificationStatus, Page } from '@stint/contracts';
import { Observable } from 'rxjs';
import { queryParams } from './http-params';

export interface QueueState {
  name: string;
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
  paused: number;
}

/** The admin's window on what the system did: emails, the audit trail, the queues. */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  emails(filter: { kind?: NotificationKind | null; status?: NotificationStatus | null; recipient?: string | null; page?: number; pageSize?: number }): Observable<Page<NotificationRecord>> {
    return this.http.get<Page<NotificationRecord>>('/api/notifications', { params: queryParams(filter) });
  }

  audit(filter: { entityType?: string | null; entityId?: string | null; page?: number; pageSize?: number }): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(filter) });
  }

  queues(): Observable<{ queues: QueueState[] }> {
    return this.http.get<{ queues: QueueState[] }>('/api/admin/queues');
  }
}
