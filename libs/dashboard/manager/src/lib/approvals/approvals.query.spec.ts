import { convertToParamMap } from '@angular/router';
import { readQuery, writeQuery } from '../shared/query-params';
import { APPROVALS_QUERY, statusOptions } from './approvals.query';

describe('approvals filters in the URL', () => {
  it('defaults to what waits for me, newest first', () => {
    expect(readQuery(APPROVALS_QUERY, convertToParamMap({}))).toEqual({
      show: 'mine',
      status: '',
      team: '',
      sort: 'created',
      dir: 'desc',
      page: 1,
      pageSize: 25,
    });
  });

  it('round-trips a filtered, sorted second page', () => {
    const params = {
      show: 'all',
      status: 'rejected',
      team: '0b3c1d2e-aaaa-4bbb-8ccc-123456789abc',
      sort: 'start',
      dir: 'asc',
      page: '2',
      pageSize: '10',
    };
    const q = readQuery(APPROVALS_QUERY, convertToParamMap(params));
    expect(writeQuery(APPROVALS_QUERY, q)).toEqual(params);
  });

  it('offers only the pending states while showing what waits for me', () => {
    expect(statusOptions('mine')).toEqual(['pending_manager', 'pending_host']);
    expect(statusOptions('all')).toContain('withdrawn');
  });
});
