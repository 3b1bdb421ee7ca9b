import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Placement, StatsOverview } from '@stint/contracts';
import { Observable } from 'rxjs';
import { fetchAll, toHttpParams } from '../shared/fetch-all';

export interface InsightsRange {
  from: string | null;
  to: string | null;
  teamId?: string;
}

/** Placements with their check-ins (the charts are computed from them), the programme figures, and the CSV export. */
@Injectable({ providedIn: 'root' })
export class InsightsService {
  private readonly http = inject(HttpClient);

  placements(range: InsightsRange): Observable<Placement[]> {
    return fetchAll<Placement>(this.http, '/api/placements', { from: range.from, to: range.to, teamId: range.teamId });
  }

  overview(range: InsightsRange): Observable<StatsOverview> {
    return this.http.get<StatsOverview>('/api/stats/overview', {
      params: toHttpParams({ from: range.from, to: range.to }),
    });
  }

  /** The CSV needs the bearer token, so it comes through HttpClient rather than a plain link. */
  exportCsv(range: InsightsRange): Observable<Blob> {
    return this.http.get('/api/placements.csv', {
      params: toHttpParams({ from: range.from, to: range.to }),
      responseType: 'blob',
    });
  }
}
