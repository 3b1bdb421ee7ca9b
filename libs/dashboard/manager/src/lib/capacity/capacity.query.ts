import { localDate, weekStart } from '@stint/shared-dates';
import { param, type QuerySpec } from '../shared/query-params';

export const CAPACITY_WEEKS = [4, 8, 12, 26] as const;
export const TEAM_ROWS = [10, 20, 50] as const;

export interface CapacityQuery {
  from: string | null;
  weeks: number;
  /** Team name, region or segment contains this. */
  q: string;
  /** The selected cell: a team and a week (Monday). */
  team: string;
  week: string | null;
  /** Page of team rows. */
  page: number;
  pageSize: number;
  /** Page of the selected cell's placements. */
  cellPage: number;
  /** A manager's teams (`mine`) or every active team (`all`, to plan for a report). */
  scope: 'mine' | 'all';
}

export const CAPACITY_QUERY: QuerySpec<CapacityQuery> = {
  from: param.date(() => weekStart(localDate(new Date()))),
  weeks: param.choice(CAPACITY_WEEKS, 12),
  q: param.text(''),
  team: param.id(),
  week: param.date(null),
  page: param.int(1, 1, 10_000),
  pageSize: param.choice(TEAM_ROWS, 10),
  cellPage: param.int(1, 1, 10_000),
  scope: param.oneOf(['mine', 'all'] as const, 'mine'),
};
