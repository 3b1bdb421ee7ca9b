import { convertToParamMap } from '@angular/router';
import type { CheckIn, Placement } from '@stint/contracts';
import { readQuery, writeQuery } from '../shared/query-params';
import { missingPlacementIds, placementWindow } from './placement-lookup';
import { TRACKER_QUERY, trackerApiQuery } from './tracker.query';

const checkIn = (id: string, placementId: string, scheduledAt: string): CheckIn => ({
  id,
  placementId,
  kind: 'weekly',
  scheduledAt,
  status: 'upcoming',
  completedAt: null,
  ratings: null,
  notes: '',
  feedback: [],
  owner: 'pm',
  wouldSendAgain: null,
  goalOutcomes: null,
  assessment: null,
});

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

  it('asks for the placements around a page of check-ins, and then only for those still missing', () => {
    const items = [
      checkIn('1', 'p1', '2026-12-03T09:00:00.000Z'),
      checkIn('2', 'p2', '2026-11-28T09:00:00.000Z'),
      checkIn('3', 'p1', '2026-12-10T09:00:00.000Z'),
    ];
    expect(placementWindow(items)).toEqual({ from: '2026-10-14', to: '2026-12-10' });
    expect(placementWindow([])).toBeNull();
    expect(missingPlacementIds(items, new Map([['p1', {} as Placement]]))).toEqual(['p2']);
  });
});
