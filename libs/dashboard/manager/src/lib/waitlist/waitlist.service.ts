import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TeamWaitlist } from '@stint/contracts';
import { map, Observable } from 'rxjs';
import { rememberNames } from '../shared/names';

/** A team's waitlist: its offers out, then its line in order (`/api/teams/:id/waitlist`). */
@Injectable({ providedIn: 'root' })
export class WaitlistService {
  private readonly http = inject(HttpClient);

  get(teamId: string): Observable<TeamWaitlist> {
    return this.http
      .get<TeamWaitlist>(`/api/teams/${encodeURIComponent(teamId)}/waitlist`)
      .pipe(map((list) => ({ ...list, items: rememberNames(list.items) })));
  }

  /** An admin's new order: every waiting request of the team once, the first next in line. */
  reorder(teamId: string, requestIds: string[]): Observable<TeamWaitlist> {
    return this.http.put<TeamWaitlist>(`/api/teams/${encodeURIComponent(teamId)}/waitlist`, { requestIds });
  }
}
