import { DATE_RANGE_PARAMS, type DateRange } from '../shared/date-range';
import { param, type QuerySpec } from '../shared/query-params';
import type { SortDirection } from '../shared/sorting';

export const TEAM_TABLE_SIZES = [5, 10, 25] as const;

export interface InsightsQuery extends DateRange {
  team: string;
  /** The per-team table. */
  sort: 'team' | 'placements' | 'weeks' | 'negotiation' | 'closing' | 'persistence';
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export const INSIGHTS_QUERY: QuerySpec<InsightsQuery> = {
  ...DATE_RANGE_PARAMS,
  team: param.id(),
  sort: param.oneOf(['team', 'placements', 'weeks', 'negotiation', 'closing', 'persistence'], 'team'),
  dir: param.oneOf(['asc', 'desc'], 'asc'),
  page: param.int(1, 1, 10_000),
  pageSize: param.choice(TEAM_TABLE_SIZES, 10),
};
