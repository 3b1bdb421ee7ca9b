import { HttpClient, HttpParams } from '@angular/common/http';
import { MAX_PAGE_SIZE, type Page } from '@stint/contracts';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { rememberNames } from './names';

/** Query values as the API takes them; empty ones are left out. */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

export function toHttpParams(values: QueryValues): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/**
 * Every item of a paged list, for views that must show all of it (a Gantt
 * chart, a chart over a range): the first page says how many more there are,
 * the rest come in parallel. `maxPages` bounds a runaway range.
 */
export function fetchAll<T>(http: HttpClient, url: string, query: QueryValues = {}, maxPages = 25): Observable<T[]> {
  const page = (n: number) =>
    http
      .get<Page<T>>(url, { params: toHttpParams({ ...query, page: n, pageSize: MAX_PAGE_SIZE }) })
      .pipe(map(rememberNames));
  return page(1).pipe(
    switchMap((first) => {
      const pages = Math.min(Math.ceil(first.total / MAX_PAGE_SIZE), maxPages);
      if (pages <= 1) return of(first.items);
      const rest = Array.from({ length: pages - 1 }, (_, i) => page(i + 2));
      return forkJoin(rest).pipe(map((more) => [...first.items, ...more.flatMap((p) => p.items)]));
    }),
  );
}
