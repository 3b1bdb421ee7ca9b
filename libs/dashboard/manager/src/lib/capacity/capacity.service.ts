import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Blackout, CapacityWeek } from '@stint/contracts';
import { Observable } from 'rxjs';
import { fetchAll, toHttpParams } from '../shared/fetch-all';

/** The heat map's data: booked vs capacity per team and week, and the blackouts to mark. */
@Injectable({ providedIn: 'root' })
export class CapacityService {
  private readonly http = inject(HttpClient);

  /** `scope`: a manager's own teams, or every active team (PMs and admins always get every team). */
  weeks(from: string, to: string, scope: 'mine' | 'all' = 'mine'): Observable<CapacityWeek[]> {
    return this.http.get<CapacityWeek[]>('/api/stats/capacity', {
      params: toHttpParams({ from, to, scope: scope === 'all' ? 'all' : null }),
    });
  }

  /** Every blackout, team and global (the list is short; admins keep a handful). */
  blackouts(): Observable<Blackout[]> {
    return fetchAll<Blackout>(this.http, '/api/blackouts');
  }
}
