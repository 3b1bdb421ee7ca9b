import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Placement, PlacementListItem, PlacementStatus } from '@stint/contracts';
import { map, Observable } from 'rxjs';
import { fetchAll, toHttpParams } from '../shared/fetch-all';
import { rememberNames } from '../shared/names';

export interface PlacementQuery {
  teamId?: string;
  pmId?: string;
  status?: PlacementStatus | '';
  /** Placements ending on or after this date. */
  from?: string;
  /** Placements starting on or before this date. */
  to?: string;
}

/** Placements: lists for the timeline and heat map, one placement with its check-ins, and the host's changes. */
@Injectable({ providedIn: 'root' })
export class PlacementsService {
  private readonly http = inject(HttpClient);

  page(query: PlacementQuery & { page: number; pageSize: number }): Observable<Page<PlacementListItem>> {
    return this.http
      .get<Page<PlacementListItem>>('/api/placements', { params: toHttpParams({ ...query }) })
      .pipe(map(rememberNames));
  }

  /** Every placement matching, across pages (the timeline must draw them all). */
  all(query: PlacementQuery): Observable<PlacementListItem[]> {
    return fetchAll<PlacementListItem>(this.http, '/api/placements', { ...query });
  }

  get(id: string): Observable<Placement> {
    return this.http.get<Placement>(`/api/placements/${encodeURIComponent(id)}`).pipe(map(rememberNames));
  }

  reschedule(id: string, startDate: string, durationWeeks: number): Observable<Placement> {
    return this.http.post<Placement>(`/api/placements/${encodeURIComponent(id)}/reschedule`, {
      startDate,
      durationWeeks,
    });
  }

  cancel(id: string, reason: string): Observable<Placement> {
    return this.http.post<Placement>(`/api/placements/${encodeURIComponent(id)}/cancel`, { reason: reason.trim() });
  }
}
