import { HttpErrorResponse } from '@angular/common/http';
import { lastValueFrom, of, throwError, toArray } from 'rxjs';
import { loadable, valueOf } from './loadable';

describe('loadable', () => {
  it('starts loading, then holds the value', async () => {
    const states = await lastValueFrom(loadable(of([1, 2])).pipe(toArray()));
    expect(states).toEqual([{ status: 'loading' }, { status: 'ready', value: [1, 2] }]);
    expect(valueOf(states[1] ?? { status: 'loading' })).toEqual([1, 2]);
  });

  it("turns a failure into the API's sentence", async () => {
    const error = new HttpErrorResponse({ status: 404, error: { statusCode: 404, code: 'NOT_FOUND', message: 'No such check-in.', details: {} } });
    const states = await lastValueFrom(loadable(throwError(() => error)).pipe(toArray()));
    expect(states[1]).toEqual({ status: 'error', message: 'No such check-in.' });
  });
});
