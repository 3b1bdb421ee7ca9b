import { lastValueFrom, of, throwError, toArray } from 'rxjs';
import { loadable, valueOf } from './loadable';

const describe_ = (error: unknown) => ({
  message: error instanceof Error ? error.message : 'Something went wrong.',
});

describe('loadable', () => {
  it('starts loading, then holds the value', async () => {
    const states = await lastValueFrom(loadable(of([1, 2]), describe_).pipe(toArray()));
    expect(states).toEqual([{ status: 'loading' }, { status: 'ready', value: [1, 2] }]);
    expect(valueOf(states[1] ?? { status: 'loading' })).toEqual([1, 2]);
  });

  it('turns a failure into the sentence the describer gives', async () => {
    const states = await lastValueFrom(
      loadable(
        throwError(() => new Error('No such check-in.')),
        describe_,
      ).pipe(toArray()),
    );
    expect(states[1]).toEqual({
      status: 'error',
      message: 'No such check-in.',
    });
    expect(valueOf(states[1] ?? { status: 'loading' })).toBeNull();
  });
});
