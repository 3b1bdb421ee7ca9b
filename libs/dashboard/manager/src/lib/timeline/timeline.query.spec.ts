import { convertToParamMap } from '@angular/router';
import { readQuery, writeQuery } from '../shared/query-params';
import { defaultTimelineStart, matchesStatus, TIMELINE_QUERY } from './timeline.query';

describe('timeline filters in the URL', () => {
  it('starts two weeks before this week by default and leaves that out of the URL', () => {
    expect(defaultTimelineStart('2026-11-27')).toBe('2026-11-09');
    const q = readQuery(TIMELINE_QUERY, convertToParamMap({}));
    expect(q).toMatchObject({ weeks: 12, team: '', status: 'booked', page: 1, pageSize: 10 });
    expect(writeQuery(TIMELINE_QUERY, q)).toEqual({
      from: null,
      weeks: null,
      team: null,
      status: null,
      page: null,
      pageSize: null,
    });
  });

  it('reads a chosen range, team and status', () => {
    const q = readQuery(
      TIMELINE_QUERY,
      convertToParamMap({
        from: '2027-01-04',
        weeks: '26',
        team: '6f1c2b7e-0000-4000-8000-000000000001',
        status: 'cancelled',
      }),
    );
    expect(q).toMatchObject({
      from: '2027-01-04',
      weeks: 26,
      team: '6f1c2b7e-0000-4000-8000-000000000001',
      status: 'cancelled',
    });
    expect(readQuery(TIMELINE_QUERY, convertToParamMap({ weeks: '5' })).weeks).toBe(12);
  });

  it('filters the window by status, "booked" being every placement not cancelled', () => {
    expect(matchesStatus('booked', { status: 'cancelled' })).toBe(false);
    expect(matchesStatus('booked', { status: 'completed' })).toBe(true);
    expect(matchesStatus('all', { status: 'cancelled' })).toBe(true);
    expect(matchesStatus('active', { status: 'scheduled' })).toBe(false);
  });
});
