import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, RequestStatus, RotationRequest, RuleCheck } from '@stint/contracts';
import { map, Observable } from 'rxjs';
import { toHttpParams } from '../shared/fetch-all';
import { rememberNames } from '../shared/names';

export interface RequestQuery {
  /** true: only what waits for the caller's decision (the API's awaitingMe extension). */
  awaitingMe: boolean;
  status?: RequestStatus | '';
  teamId?: string;
  page: number;
  pageSize: number;
}

/** Rotation requests waiting for a decision, and what a decision needs to know. */
@Injectable({ providedIn: 'root' })
export class ApprovalsService {
  private readonly http = inject(HttpClient);

  list(query: RequestQuery): Observable<Page<RotationRequest>> {
    return this.http
      .get<Page<RotationRequest>>('/api/rotation-requests', {
        params: toHttpParams({
          awaitingMe: query.awaitingMe ? 'true' : undefined,
          status: query.status,
          teamId: query.teamId,
          page: query.page,
          pageSize: query.pageSize,
        }),
      })
      .pipe(map(rememberNames));
  }

  get(id: string): Observable<RotationRequest> {
    return this.http.get<RotationRequest>(`/api/rotation-requests/${encodeURIComponent(id)}`).pipe(map(rememberNames));
  }

  /** Always names the step shown on screen, so a double click can never take a second step. */
  approve(request: Pick<RotationRequest, 'id' | 'status'>, comment: string): Observable<RotationRequest> {
    const body = { step: stepOf(request), ...(comment.trim() && { comment: comment.trim() }) };
    return this.http.post<RotationRequest>(`/api/rotation-requests/${encodeURIComponent(request.id)}/approve`, body);
  }

  reject(request: Pick<RotationRequest, 'id' | 'status'>, comment: string): Observable<RotationRequest> {
    return this.http.post<RotationRequest>(`/api/rotation-requests/${encodeURIComponent(request.id)}/reject`, {
      step: stepOf(request),
      comment: comment.trim(),
    });
  }

  /** The host (or an admin) puts a released request whose team is full on its dates in the team's waitlist. */
  waitlist(id: string): Observable<RotationRequest> {
    return this.http
      .post<RotationRequest>(`/api/rotation-requests/${encodeURIComponent(id)}/waitlist`, {})
      .pipe(map(rememberNames));
  }

  /** The host (or an admin) proposes another start to the PM of a request whose team is full; same duration. */
  propose(id: string, startDate: string): Observable<RotationRequest> {
    return this.http
      .post<RotationRequest>(`/api/rotation-requests/${encodeURIComponent(id)}/propose`, { startDate })
      .pipe(map(rememberNames));
  }

  /**
   * Every booking rule judged now by the API on the request's dates, with the
   * team's load over them and, when a rule fails, the next free slots.
   */
  ruleCheck(id: string): Observable<RuleCheck> {
    return this.http.get<RuleCheck>(`/api/rotation-requests/${encodeURIComponent(id)}/rule-check`);
  }
}

/** The approval step a request waits for: the line manager's release, then the host's agreement (or removal from the waitlist). */
export function stepOf(request: Pick<RotationRequest, 'status'>): 'manager' | 'host' {
  return request.status === 'pending_manager' ? 'manager' : 'host';
}
