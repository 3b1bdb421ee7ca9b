import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Blackout, RotationRequest } from '@stint/contracts';
import { forkJoin, map, Observable } from 'rxjs';
import { fetchAll } from '../shared/fetch-all';
import { PENDING_STATUSES, rangeEnd, type TimelineRange } from './timeline-layout';

/** What the timeline draws besides placements: pending requests as ghosts, and blackouts. */
@Injectable({ providedIn: 'root' })
export class TimelineDataService {
  private readonly http = inject(HttpClient);

  /**
   * Requests not yet booked whose dates touch the range. The requests API
   * filters by one status and by team but not by date, so each pending
   * status is asked for (the team's only, when one is chosen) and the range
   * is applied here.
   */
  pendingRequests(range: TimelineRange, teamId: string): Observable<RotationRequest[]> {
    const last = rangeEnd(range);
    return forkJoin(
      PENDING_STATUSES.map((status) =>
        fetchAll<RotationRequest>(this.http, '/api/rotation-requests', { status, teamId }),
      ),
    ).pipe(map((lists) => lists.flat().filter((r) => r.endDate >= range.from && r.startDate <= last)));
  }

  /** Blackouts touching the range: with a team, that team's and the global ones. */
  blackouts(range: TimelineRange, teamId: string): Observable<Blackout[]> {
    const last = rangeEnd(range);
    return fetchAll<Blackout>(this.http, '/api/blackouts', { teamId }).pipe(
      map((items) => items.filter((b) => b.endsOn >= range.from && b.startsOn <= last)),
    );
  }
}
