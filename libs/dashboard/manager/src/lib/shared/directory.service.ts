import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Team, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { combineLatest, map, Observable, shareReplay } from 'rxjs';
import { fetchAll } from './fetch-all';
import { byId } from './names';

export interface Directory {
  /** Sorted by name. */
  teams: Team[];
  teamsById: Map<string, Team>;
  usersById: Map<string, User>;
}

interface Cache {
  userId: string;
  directory: Observable<Directory>;
}

/**
 * Teams and the people the viewer may see: lookups every screen needs to put
 * names to ids. Fetched once per signed-in user and shared, so each screen's
 * own data stays at one or two calls; another sign-in starts afresh, and a
 * failed lookup is asked again by the next subscriber (shareReplay resets on
 * error).
 */
@Injectable({ providedIn: 'root' })
export class DirectoryService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private cache: Cache | null = null;

  directory(): Observable<Directory> {
    const userId = this.session.user()?.id ?? '';
    if (!this.cache || this.cache.userId !== userId) {
      const directory = combineLatest([
        fetchAll<Team>(this.http, '/api/teams'),
        fetchAll<User>(this.http, '/api/users'),
      ]).pipe(
        map(([teams, users]) => ({
          teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)),
          teamsById: byId(teams),
          usersById: byId(users),
        })),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache = { userId, directory };
    }
    return this.cache.directory;
  }

  /** Forget the lookups (e.g. after a change that renames someone). */
  refresh(): void {
    this.cache = null;
  }
}
