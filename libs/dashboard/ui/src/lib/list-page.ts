import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { combineLatest, distinctUntilChanged, map, Observable, startWith, Subject, switchMap } from 'rxjs';
import { DescribeError, Loadable, loadable, LOADING } from './loadable';

/** Query parameters to merge into the URL; null drops one (e.g. `page: null` after a filter change). */
export type QueryChange = Record<string, string | number | null>;

export interface ListPageOptions<Q, T> {
  /** The page's filters and paging from the URL (see `pageQuery`, `oneOf`). */
  read: (params: ParamMap) => Q;
  /** The request for one set of filters. */
  fetch: (query: Q) => Observable<T>;
  describeError: DescribeError;
}

/** A paged, filtered list whose filters live in the URL, with its load state. */
export interface ListPage<Q, T> {
  /** The filters as the URL has them now. */
  readonly query: Signal<Q>;
  /** The same, as a stream (emits only when the filters change). */
  readonly query$: Observable<Q>;
  /** Loading, the current page of results, or why it failed. */
  readonly state: Signal<Loadable<T>>;
  /** Emits once at the start and on every `reload()`, for data that should refresh with the list. */
  readonly reloads: Observable<void>;
  /** Merges the change into the URL (a history entry, so Back undoes a filter). */
  navigate(change: QueryChange): void;
  /** A paginator event: moves to that page and page size. */
  page(event: { pageIndex: number; pageSize: number }): void;
  /** Fetches the current page again (after a create, edit or delete). */
  reload(): void;
}

/** Binds a list screen to its query parameters and loads each page; call in an injection context. */
export function injectListPage<Q, T>(options: ListPageOptions<Q, T>): ListPage<Q, T> {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const query$ = route.queryParamMap.pipe(
    map(options.read),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
  const refresh = new Subject<void>();
  const reloads = refresh.pipe(startWith(undefined));
  const navigate = (change: QueryChange): void => {
    void router.navigate([], { relativeTo: route, queryParams: change, queryParamsHandling: 'merge' });
  };
  return {
    query: toSignal(query$, { requireSync: true }),
    query$,
    state: toSignal(
      combineLatest([query$, reloads]).pipe(switchMap(([q]) => loadable(options.fetch(q), options.describeError))),
      { initialValue: LOADING },
    ),
    reloads,
    navigate,
    page: (event) => navigate({ page: event.pageIndex + 1, pageSize: event.pageSize }),
    reload: () => refresh.next(),
  };
}
