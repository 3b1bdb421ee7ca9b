import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OutcomesReport, RotationOutcome } from '@stint/contracts';
import { Observable } from 'rxjs';
import { fetchAll, toHttpParams } from '../shared/fetch-all';

/** What the outcomes report and its export are filtered by; empty values are left out. */
export interface OutcomeFilters {
  from: string | null;
  to: string | null;
  teamId: string;
  region: string;
}

/** At most this many pages of 200 rotations are fetched for one export. */
const EXPORT_MAX_PAGES = 500;

/** The outcomes report (`GET /api/stats/outcomes`) and the evidence per rotation behind it, for the export. */
@Injectable({ providedIn: 'root' })
export class OutcomesService {
  private readonly http = inject(HttpClient);

  report(filters: OutcomeFilters): Observable<OutcomesReport> {
    return this.http.get<OutcomesReport>('/api/stats/outcomes', { params: toHttpParams({ ...filters }) });
  }

  /** Every rotation the report rests on (finished or still running), all pages. */
  rotations(filters: OutcomeFilters): Observable<RotationOutcome[]> {
    return fetchAll<RotationOutcome>(this.http, '/api/stats/outcomes/rotations', { ...filters }, EXPORT_MAX_PAGES);
  }
}
