import { computed, Signal, signal } from '@angular/core';
import type { Page } from '@stint/contracts';
import type { ListPage } from '@stint/dashboard-ui';
import { of } from 'rxjs';

/**
 * Rows the screen already holds (no request, no filters in the URL), in the shape `<lib-list-table>` reads; use
 * with `[paged]="false"`, as the list is always whole.
 */
export function localList<T>(items: Signal<readonly T[]>): ListPage<null, Page<T>> {
  const nothing = (): void => undefined;
  return {
    query: signal(null).asReadonly(),
    query$: of(null),
    reloads: of(undefined),
    state: computed(() => {
      const all = [...items()];
      return { status: 'ready' as const, value: { items: all, total: all.length, page: 1, pageSize: all.length } };
    }),
    navigate: nothing,
    page: nothing,
    reload: nothing,
  };
}
