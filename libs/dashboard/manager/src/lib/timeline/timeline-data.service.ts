import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TimelineWindow } from '@stint/contracts';
import { Observable, tap } from 'rxjs';
import { toHttpParams } from '../shared/fetch-all';
import { rememberNames } from '../shared/names';
import { rangeEnd, type TimelineRange } from './timeline-layout';

/**
 * Everything the timeline draws for the window on screen, in one request
 * (`GET /api/timeline`): the bars, the ghosts of requests not yet booked, and
 * the blackouts, whatever the size of the programme.
 */
@Injectable({ providedIn: 'root' })
export class TimelineDataService {
  private readonly http = inject(HttpClient);

  window(range: TimelineRange, teamId: string): Observable<TimelineWindow> {
    return this.http
      .get<TimelineWindow>('/api/timeline', {
        params: toHttpParams({ from: range.from, to: rangeEnd(range), teamId }),
      })
      .pipe(
        // The rows name their PMs, also those outside the viewer's user list.
        tap((w) => {
          rememberNames(w.placements);
          rememberNames(w.pendingRequests);
        }),
      );
  }
}
