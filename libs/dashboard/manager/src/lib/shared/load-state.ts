import { describeError } from '@stint/dashboard-session';
import { catchError, map, Observable, of, OperatorFunction, scan, startWith, switchMap } from 'rxjs';

/** What a screen shows for one piece of data: loading (keeping what it had), ready, or an error in words. */
export interface LoadState<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

export const LOADING: LoadState<never> = { status: 'loading', data: null, error: null };

/**
 * For each new input (filters, a reload tick) fetch afresh, cancelling the
 * previous call. While loading, the previous data stays so lists and
 * paginators do not jump; a failure becomes the API's sentence.
 */
export function loadEach<A, T>(fetch: (input: A) => Observable<T>): OperatorFunction<A, LoadState<T>> {
  return (source) =>
    source.pipe(
      switchMap((input) =>
        fetch(input).pipe(
          map((data): LoadState<T> => ({ status: 'ready', data, error: null })),
          catchError((error: unknown) =>
            of<LoadState<T>>({ status: 'error', data: null, error: describeError(error).message }),
          ),
          startWith<LoadState<T>>(LOADING),
        ),
      ),
      scan(
        (previous: LoadState<T>, next: LoadState<T>) =>
          next.status === 'loading' ? { ...LOADING, data: previous.data } : next,
        LOADING as LoadState<T>,
      ),
    );
}
