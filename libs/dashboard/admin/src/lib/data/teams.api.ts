import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Team } from '@stint/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from './http-params';

export interface TeamInput {
  name: string;
  managerId: string;
  capacity: number;
  region?: string;
  segment?: string;
  timezone?: string;
  holidayCountry?: string | null;
  active?: boolean;
}

@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);

  list(filter: {
    q?: string | null;
    active?: 'true' | 'false' | null;
    page?: number;
    pageSize?: number;
  }): Observable<Page<Team>> {
    return this.http.get<Page<Team>>('/api/teams', { params: queryParams(filter) });
  }

  all(): Observable<Team[]> {
    return this.list({ pageSize: 200 }).pipe(map((page) => page.items));
  }

  create(body: TeamInput): Observable<Team> {
    return this.http.post<Team>('/api/teams', body);
  }

  update(id: string, body: Partial<TeamInput>): Observable<Team> {
    return this.http.patch<Team>(`/api/teams/${id}`, body);
  }
}
