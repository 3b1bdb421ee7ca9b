import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { distinctUntilChanged, map } from 'rxjs';
import { QuerySpec, readQuery, withChange, writeQuery } from './query-params';

export interface RouteQuery<T> {
  /** The filters as the URL has them now. */
  value: Signal<T>;
  /** Moves the URL to the changed filters (a history entry, so Back undoes a filter). */
  update(change: Partial<T>): void;
  /** A paginator event: moves to that page and page size. */
  page(event: { pageIndex: number; pageSize: number }): void;
}

/** Binds a screen's filters to its query parameters; call in an injection context. */
export function injectRouteQuery<T extends { page: number; pageSize: number }>(spec: QuerySpec<T>): RouteQuery<T> {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const value = toSignal(
    route.queryParamMap.pipe(
      map((params) => readQuery(spec, params)),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    ),
    { requireSync: true },
  );
  const update = (change: Partial<T>): void => {
    const next = withChange(value(), change);
    void router.navigate([], {
      relativeTo: route,
      queryParams: writeQuery(spec, next),
      queryParamsHandling: 'merge',
    });
  };
  return {
    value,
    update,
    page: (event) => update({ page: event.pageIndex + 1, pageSize: event.pageSize } as Partial<T>),
  };
}
