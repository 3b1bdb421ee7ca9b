import { convertToParamMap } from '@angular/router';
import { readQuery, writeQuery } from '../shared/query-params';
import { TRACKER_QUERY, trackerApiQuery } from './tracker.query';

describe('check-in tracker', () => {
  it('maps each view to the API query: upcoming is always the next 7 days', () => {
    const q = readQuery(TRACKER_QUERY, convertToParamMap({ from: '2026-01-01', to: '2026-12-31' }));
    expect(q.view).toBe('upcoming');
    expect(trackerApiQuery(q, '2026-11-27')).toEqual({ status: 'upcoming', from: '2026-11-27', to: '2026-12-03' });
    expect(trackerApiQuery({ ...q, view: 'overdue' }, '2026-11-27')).toEqual({
      status: 'overdue',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(trackerApiQuery({ ...q, view: 'all', from: null, to: null }, '2026-11-27')).toEqual({
      status: '',
      from: null,
      to: null,
    });
  });

  it('keeps view, range, sort and page in the URL', () => {
    const q = readQuery(
      TRACKER_QUERY,
      convertToParamMap({ view: 'completed', from: '2026-10-01', sort: 'pm', dir: 'desc', page: '2', pageSize: '10' }),
    );
    expect(q).toEqual({
      view: 'completed',
      from: '2026-10-01',
      to: null,
      sort: 'pm',
      dir: 'desc',
      page: 2,
      pageSize: 10,
    });
    expect(writeQuery(TRACKER_QUERY, q)).toEqual({
      view: 'completed',
      from: '2026-10-01',
      to: null,
      sort: 'pm',
      dir: 'desc',
      page: '2',
      pageSize: '10',
    });
  });
});
