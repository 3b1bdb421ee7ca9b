import { HttpErrorResponse } from '@angular/common/http';
import { Subject, throwError, of, Observable } from 'rxjs';
import { loadEach, LoadState } from './load-state';

describe('loadEach', () => {
  it('shows loading, then the data, and keeps the old data while the next load runs', () => {
    const inputs = new Subject<number>();
    const responses = new Map<number, Subject<string>>([
      [1, new Subject<string>()],
      [2, new Subject<string>()],
    ]);
    const states: Array<LoadState<string>> = [];
    inputs.pipe(loadEach((n) => responses.get(n) as Observable<string>)).subscribe((s) => states.push(s));

    inputs.next(1);
    responses.get(1)?.next('first');
    inputs.next(2);
    responses.get(2)?.next('second');

    expect(states).toEqual([
      { status: 'loading', data: null, error: null },
      { status: 'ready', data: 'first', error: null },
      { status: 'loading', data: 'first', error: null },
      { status: 'ready', data: 'second', error: null },
    ]);
  });

  it("turns a failure into the API's sentence", () => {
    const states: Array<LoadState<string>> = [];
    const failure = new HttpErrorResponse({
      status: 404,
      error: { statusCode: 404, code: 'NOT_FOUND', message: 'No such request.', details: {} },
    });
    of(1)
      .pipe(loadEach(() => throwError(() => failure)))
      .subscribe((s) => states.push(s));
    expect(states[states.length - 1]).toEqual({ status: 'error', data: null, error: 'No such request.' });
  });
});
