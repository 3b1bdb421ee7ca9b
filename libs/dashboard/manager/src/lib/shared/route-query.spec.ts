import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, Router } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { param } from './query-params';
import { injectRouteQuery } from './route-query';

describe('injectRouteQuery', () => {
  it('reads the filters from the URL and writes changes back, paging included', () => {
    const navigate = jest.fn().mockResolvedValue(true);
    TestBed.configureTestingModule({
      providers: [
        { provide: ActivatedRoute, useValue: { queryParamMap: new BehaviorSubject(convertToParamMap({ page: '3' })) } },
        { provide: Router, useValue: { navigate } },
      ],
    });
    const query = runInInjectionContext(TestBed.inject(Injector), () =>
      injectRouteQuery({ q: param.text(''), page: param.int(1, 1, 100), pageSize: param.choice([10, 25], 10) }),
    );
    expect(query.value()).toEqual({ q: '', page: 3, pageSize: 10 });

    query.update({ q: 'kai' });
    query.page({ pageIndex: 1, pageSize: 25 });
    expect(navigate.mock.calls.map(([, extras]) => extras.queryParams)).toEqual([
      { q: 'kai', page: null, pageSize: null },
      { q: null, page: '2', pageSize: '25' },
    ]);
  });
});
