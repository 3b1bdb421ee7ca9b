import type { CheckInStatus } from '@stint/contracts';
import { addDays, type IsoDate } from '@stint/shared-dates';
import { DATE_RANGE_PARAMS, type DateRange } from '../shared/date-range';
import { param, type QuerySpec } from '../shared/query-params';
import type { SortDirection } from '../shared/sorting';

export type TrackerView = 'upcoming' | 'overdue' | 'completed' | 'all';
export const TRACKER_VIEWS: ReadonlyArray<{ value: TrackerView; label: string }> = [
  { value: 'upcoming', label: 'Next 7 days' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'completed', label: 'Completed' },
  { value: 'all', label: 'All' },
];
export const TRACKER_PAGE_SIZES = [10, 25, 50, 100] as const;

/** `from`/`to`: the date range of the overdue, completed and all views. */
export interface TrackerQuery extends DateRange {
  view: TrackerView;
  sort: 'when' | 'pm' | 'team' | 'kind';
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export const TRACKER_QUERY: QuerySpec<TrackerQuery> = {
  view: param.oneOf(['upcoming', 'overdue', 'completed', 'all'], 'upcoming'),
  ...DATE_RANGE_PARAMS,
  sort: param.oneOf(['when', 'pm', 'team', 'kind'], 'when'),
  dir: param.oneOf(['asc', 'desc'], 'asc'),
  page: param.int(1, 1, 100_000),
  pageSize: param.choice(TRACKER_PAGE_SIZES, 25),
};

/** What the API is asked for in each view: upcoming is always the next seven days from today. */
export function trackerApiQuery(
  q: TrackerQuery,
  today: IsoDate,
): { status: CheckInStatus | ''; from: IsoDate | null; to: IsoDate | null } {
  switch (q.view) {
    case 'upcoming':
      return { status: 'upcoming', from: today, to: addDays(today, 6) };
    case 'overdue':
      return { status: 'overdue', from: q.from, to: q.to };
    case 'completed':
      return { status: 'completed', from: q.from, to: q.to };
    default:
      return { status: '', from: q.from, to: q.to };
  }
}
