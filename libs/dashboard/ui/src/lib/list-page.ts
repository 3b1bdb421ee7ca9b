import { inject, Signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import {
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  map,
  Observable,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { DescribeError, Loadable, loadable, LOADING } from './loadable';
import { pageKeys } from './list-query';

/** Query parameters to merge into the URL; null drops one (e.g. `page: null` after a filter change). */
export type QueryChange = Record<string, string | number | null>;

export interface ListPageOptions<Q, T> {
  /** The page's filters and paging from the URL (see `pageQuery`, `oneOf`). */
  read: (params: ParamMap) => Q;
  /** The request for one set of filters. */
  fetch: (query: Q) => Observable<T>;
  describeError: DescribeError;
  /** Paging parameters under a prefix (`failedPage`), for a screen with more than one paged list. */
  pagePrefix?: string;
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
  const keys = pageKeys(options.pagePrefix);
  return {
    query: toSignal(query$, { requireSync: true }),
    query$,
    state: toSignal(
      combineLatest([query$, reloads]).pipe(switchMap(([q]) => loadable(options.fetch(q), options.describeError))),
      { initialValue: LOADING },
    ),
    reloads,
    navigate,
    page: (event) => navigate({ [keys.page]: event.pageIndex + 1, [keys.pageSize]: event.pageSize }),
    reload: () => refresh.next(),
  };
}

/**
 * A search box for one text filter of a list: what is typed reaches the URL once typing pauses (trimmed; empty
 * drops the parameter), and the list goes back to its first page. Call in an injection context.
 */
export function injectListSearch(list: Pick<ListPage<unknown, unknown>, 'navigate'>, param: string, initial: string) {
  const control = new FormControl(initial, { nonNullable: true });
  control.valueChanges
    .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
    .subscribe((text) => list.navigate({ [param]: text.trim() || null, page: null }));
  return control;
}
