import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Blackout, BlackoutCreated, Page } from '@stint/contracts';
import { Observable } from 'rxjs';
import { queryParams } from './http-params';

export interface BlackoutInput {
  teamId: string | null;
  startsOn: string;
  endsOn: string;
  reason: string;
}

@Injectable({ providedIn: 'root' })
export class BlackoutsApi {
  private readonly http = inject(HttpClient);

  /** With a team: that team's blackouts and the global ones. */
  list(filter: { teamId?: string | null; page?: number; pageSize?: number }): Observable<Page<Blackout>> {
    return this.http.get<Page<Blackout>>('/api/blackouts', { params: queryParams(filter) });
  }

  /** The answer lists the placements the new blackout overlaps (they are never cancelled). */
  create(body: BlackoutInput): Observable<BlackoutCreated> {
    return this.http.post<BlackoutCreated>('/api/blackouts', body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/blackouts/${id}`);
  }
}
