import { MAX_PAGE_SIZE } from '@stint/contracts';
import { DATE_RANGE_PARAMS, type DateRange } from '../shared/date-range';
import { param, type QuerySpec } from '../shared/query-params';

/** The Insights filters, kept in the URL: a period, a region and a team. */
export interface InsightsQuery extends DateRange {
  team: string;
  region: string;
  /** The screen has no paged list; these two only complete the shape the route query helper works with. */
  page: number;
  pageSize: number;
}

export const INSIGHTS_QUERY: QuerySpec<InsightsQuery> = {
  ...DATE_RANGE_PARAMS,
  team: param.id(),
  region: param.text(),
  page: param.int(1, 1, 1),
  pageSize: param.choice([MAX_PAGE_SIZE], MAX_PAGE_SIZE),
};
