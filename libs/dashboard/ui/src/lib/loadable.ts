import { catchError, map, Observable, of, startWith } from 'rxjs';

/** What a screen shows while it fetches: a loading bar, the data, or why it failed. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export const LOADING: Loadable<never> = { status: 'loading' };

/** Turns a failed call into the sentence a screen shows (the session's `describeError` fits). */
export type DescribeError = (error: unknown) => { message: string };

/** Wraps a request so it starts `loading`, ends `ready`, and turns a failure into words instead of an error. */
export function loadable<T>(source: Observable<T>, describe: DescribeError): Observable<Loadable<T>> {
  return source.pipe(
    map((value): Loadable<T> => ({ status: 'ready', value })),
    catchError((error: unknown) => of<Loadable<T>>({ status: 'error', message: describe(error).message })),
    startWith<Loadable<T>>(LOADING),
  );
}

export function valueOf<T>(state: Loadable<T>): T | null {
  return state.status === 'ready' ? state.value : null;
}
