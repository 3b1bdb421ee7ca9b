import { REQUEST_STATUSES, type RequestStatus } from '@stint/contracts';
import { param, type QuerySpec } from '../shared/query-params';
import type { SortDirection } from '../shared/sorting';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export type ApprovalsShow = 'mine' | 'all';
export type ApprovalsSort = 'created' | 'start' | 'pm' | 'team';

export interface ApprovalsQuery {
  show: ApprovalsShow;
  status: RequestStatus | '';
  team: string;
  sort: ApprovalsSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

/** `/approvals?show=all&status=pending_host&team=…&sort=start&dir=asc&page=2&pageSize=10`. */
export const APPROVALS_QUERY: QuerySpec<ApprovalsQuery> = {
  show: param.oneOf(['mine', 'all'], 'mine'),
  status: param.oneOf(['', ...REQUEST_STATUSES], ''),
  team: param.id(),
  sort: param.oneOf(['created', 'start', 'pm', 'team'], 'created'),
  dir: param.oneOf(['asc', 'desc'], 'desc'),
  page: param.int(1, 1, 100_000),
  pageSize: param.choice(PAGE_SIZES, 25),
};

/** While showing what waits for me, only the two pending states make sense as a status filter. */
export function statusOptions(show: ApprovalsShow): RequestStatus[] {
  return show === 'mine' ? ['pending_manager', 'pending_host'] : [...REQUEST_STATUSES];
}
