import { describeError } from '@stint/dashboard-session';
import { catchError, map, Observable, of, startWith } from 'rxjs';

/** What a screen shows while it fetches: a loading bar, the data, or why it failed. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export const LOADING: Loadable<never> = { status: 'loading' };

/** Wraps a request so it starts `loading`, ends `ready`, and turns a failure into words instead of an error. */
export function loadable<T>(source: Observable<T>): Observable<Loadable<T>> {
  return source.pipe(
    map((value): Loadable<T> => ({ status: 'ready', value })),
    catchError((error: unknown) => of<Loadable<T>>({ status: 'error', message: describeError(error).message })),
    startWith<Loadable<T>>(LOADING),
  );
}

export function valueOf<T>(state: Loadable<T>): T | null {
  return state.status === 'ready' ? state.value : null;
}
