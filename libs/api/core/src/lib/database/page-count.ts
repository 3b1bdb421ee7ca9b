import { In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * Up to this many rows a list counts exactly; beyond, its total is the
 * planner's estimate, flagged as such. Counting every visible row costs as
 * much as reading them all (20,000 placements for an admin); a person paging
 * through "about 20,000" needs no more, and a filter brings the exact figure
 * back as soon as it narrows the list below the threshold.
 */
export const EXACT_TOTAL_UP_TO = 1000;

export interface PageTotal {
  total: number;
  /** True when `total` is the planner's estimate (more than EXACT_TOTAL_UP_TO rows). */
  estimated: boolean;
}

/**
 * How many rows a list query matches, read through at most `cap + 1` of them.
 * The query's own ORDER BY, OFFSET and LIMIT are dropped; its filters and
 * joins are kept, so the count is of exactly what the list pages through.
 */
export async function pageTotal<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  cap = EXACT_TOTAL_UP_TO,
): Promise<PageTotal> {
  const rows = query
    .clone()
    .select('1', 'one')
    .orderBy()
    .offset(undefined)
    .limit(undefined)
    .skip(undefined)
    .take(undefined);
  const [sql, params] = rows.getQueryAndParameters();
  const runner = query.connection.manager;
  const counted: Array<{ n: number }> = await runner.query(
    `SELECT count(*)::int AS n FROM (${sql} LIMIT ${cap + 1}) counted`,
    params,
  );
  const exact = counted[0]?.n ?? 0;
  if (exact <= cap) return { total: exact, estimated: false };
  const plan: Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }> = await runner.query(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    params,
  );
  const guess = Math.round(plan[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  // Never below what was just counted: the estimate can undershoot on a fresh table.
  return { total: Math.max(guess, cap + 1), estimated: true };
}

/**
 * One page of a list query's entities, chosen by id first: the OFFSET walks
 * the query's own (narrow, usually index-only) rows, and only the page's rows
 * are read whole, by primary key. `order` is the list's order, ending in a
 * unique column so that pages never overlap.
 */
export async function pageOfIds<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: ReadonlyArray<[column: string, direction: 'ASC' | 'DESC']>,
  window: { offset: number; pageSize: number },
): Promise<T[]> {
  const ids = query.clone().select(`${alias}.id`, 'id').orderBy();
  for (const [column, direction] of order) ids.addOrderBy(column, direction);
  const picked = (await ids.offset(window.offset).limit(window.pageSize).getRawMany<{ id: string }>()).map((r) => r.id);
  if (!picked.length) return [];
  const target = query.expressionMap.mainAlias?.target;
  if (!target) throw new Error('pageOfIds needs a query built from an entity');
  const rows = await query.connection.getRepository<T>(target).findBy({ id: In(picked) } as never);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return picked.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
}
