import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, ParamMap, Router } from '@angular/router';
import { BehaviorSubject, Observable, of, throwError } from 'rxjs';
import { injectListPage, injectListSearch } from './list-page';
import { pageQuery } from './list-query';

describe('injectListPage', () => {
  const describeError = (error: unknown) => ({
    message: error instanceof Error ? error.message : 'Something went wrong.',
  });

  function setup(
    params: Record<string, string>,
    fetch: (q: { q: string; page: number; pageSize: number }) => Observable<string[]>,
    pagePrefix?: string,
  ) {
    const queryParamMap = new BehaviorSubject<ParamMap>(convertToParamMap(params));
    const navigate = jest.fn().mockResolvedValue(true);
    TestBed.configureTestingModule({
      providers: [
        { provide: ActivatedRoute, useValue: { queryParamMap } },
        { provide: Router, useValue: { navigate } },
      ],
    });
    const list = runInInjectionContext(TestBed.inject(Injector), () =>
      injectListPage({
        read: (p) => ({ q: p.get('q') ?? '', ...pageQuery(p, pagePrefix) }),
        fetch,
        describeError,
        pagePrefix,
      }),
    );
    return { list, queryParamMap, navigate };
  }

  it('reads the filters from the URL and loads that page', () => {
    const fetch = jest.fn((q: { q: string; page: number }) => of([`${q.q}:${q.page}`]));
    const { list, queryParamMap } = setup({ q: 'kai', page: '2' }, fetch);
    expect(list.query()).toEqual({ q: 'kai', page: 2, pageSize: 20 });
    expect(list.state()).toEqual({ status: 'ready', value: ['kai:2'] });

    queryParamMap.next(convertToParamMap({ q: 'kai', page: '3' }));
    expect(list.state()).toEqual({ status: 'ready', value: ['kai:3'] });
    queryParamMap.next(convertToParamMap({ q: 'kai', page: '3', unrelated: 'x' }));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('fetches again on reload and turns a failure into words', () => {
    let fail = false;
    const { list } = setup({}, () => (fail ? throwError(() => new Error('Cannot reach Stint.')) : of(['a'])));
    expect(list.state()).toEqual({ status: 'ready', value: ['a'] });
    fail = true;
    list.reload();
    expect(list.state()).toEqual({ status: 'error', message: 'Cannot reach Stint.' });
  });

  it('merges filter changes and paginator moves into the URL', () => {
    const { list, navigate } = setup({}, () => of([]));
    list.navigate({ q: 'lena', page: null });
    list.page({ pageIndex: 1, pageSize: 50 });
    expect(navigate.mock.calls.map(([, extras]) => extras.queryParams)).toEqual([
      { q: 'lena', page: null },
      { page: 2, pageSize: 50 },
    ]);
    expect(navigate.mock.calls[0][1].queryParamsHandling).toBe('merge');
  });

  it('pages under a prefix when the screen has more than one list', () => {
    const fetch = jest.fn((q: { page: number }) => of([`page ${q.page}`]));
    const { list, navigate } = setup({ page: '4', failedPage: '2' }, fetch, 'failed');
    expect(list.query()).toEqual({ q: '', page: 2, pageSize: 20 });
    list.page({ pageIndex: 2, pageSize: 10 });
    expect(navigate.mock.calls[0][1].queryParams).toEqual({ failedPage: 3, failedPageSize: 10 });
  });

  it('writes a search box to the URL once typing pauses, back on the first page', () => {
    jest.useFakeTimers();
    try {
      const { list, navigate } = setup({}, () => of([]));
      const search = runInInjectionContext(TestBed.inject(Injector), () => injectListSearch(list, 'q', 'ka'));
      search.setValue('kai');
      search.setValue('kai ');
      jest.advanceTimersByTime(300);
      search.setValue('  ');
      jest.advanceTimersByTime(300);
      expect(navigate.mock.calls.map(([, extras]) => extras.queryParams)).toEqual([
        { q: 'kai', page: null },
        { q: null, page: null },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});
