import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, User, UserRole } from '@stint/contracts';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { queryParams } from './http-params';

export interface UserInput {
  email: string;
  name: string;
  role: UserRole;
  password?: string;
  managerId?: string | null;
  timezone?: string;
  active?: boolean;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(filter: {
    role?: UserRole | null;
    q?: string | null;
    page?: number;
    pageSize?: number;
  }): Observable<Page<User>> {
    return this.http.get<Page<User>>('/api/users', { params: queryParams(filter) });
  }

  /** Who may be a line manager or a team manager: active managers and admins (the API accepts both). */
  managers(): Observable<User[]> {
    return forkJoin([this.list({ role: 'manager', pageSize: 200 }), this.list({ role: 'admin', pageSize: 200 })]).pipe(
      map(([managers, admins]) => [...managers.items, ...admins.items].sort((a, b) => a.name.localeCompare(b.name))),
    );
  }

  /** Every user (page by page, at most 2,000), for showing names beside ids. */
  directory(): Observable<User[]> {
    const pageSize = 200;
    return this.list({ pageSize, page: 1 }).pipe(
      switchMap((first) => {
        const pages = Math.min(10, Math.ceil(first.total / pageSize));
        if (pages <= 1) return of(first.items);
        const rest = Array.from({ length: pages - 1 }, (_, i) =>
          this.list({ pageSize, page: i + 2 }).pipe(map((p) => p.items)),
        );
        return forkJoin(rest).pipe(map((more) => [...first.items, ...more.flat()]));
      }),
    );
  }

  create(body: UserInput): Observable<User> {
    return this.http.post<User>('/api/users', body);
  }

  update(id: string, body: Partial<UserInput>): Observable<User> {
    return this.http.patch<User>(`/api/users/${id}`, body);
  }
}
