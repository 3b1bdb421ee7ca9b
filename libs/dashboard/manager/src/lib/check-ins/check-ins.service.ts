import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CheckIn, CheckInStatus, Page, Placement, StatsOverview } from '@stint/contracts';
import { map, Observable } from 'rxjs';
import { toHttpParams } from '../shared/fetch-all';
import { rememberNames } from '../shared/names';

export interface CheckInQuery {
  status?: CheckInStatus | '';
  placementId?: string;
  /** Check-ins on or after this date (UTC). */
  from?: string | null;
  /** Check-ins on or before this date (UTC). */
  to?: string | null;
  page: number;
  pageSize: number;
}

/** Check-ins across the placements the viewer can see, the programme's figures, and managers' feedback. */
@Injectable({ providedIn: 'root' })
export class CheckInsService {
  private readonly http = inject(HttpClient);

  list(query: CheckInQuery): Observable<Page<CheckIn>> {
    return this.http.get<Page<CheckIn>>('/api/check-ins', { params: toHttpParams({ ...query }) });
  }

  overview(from?: string | null, to?: string | null): Observable<StatsOverview> {
    return this.http.get<StatsOverview>('/api/stats/overview', { params: toHttpParams({ from, to }) });
  }

  placement(id: string): Observable<Placement> {
    return this.http.get<Placement>(`/api/placements/${encodeURIComponent(id)}`).pipe(map(rememberNames));
  }

  addFeedback(checkInId: string, text: string): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/check-ins/${encodeURIComponent(checkInId)}/feedback`, { text: text.trim() });
  }
}
