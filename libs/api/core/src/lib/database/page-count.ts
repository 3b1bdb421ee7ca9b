import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { FiguresCache } from './figures-cache';

/**
 * Up to this many rows a list counts exactly; beyond, its total is the
 * planner's estimate, flagged as such. Counting every visible row costs as
 * much as reading them all (200,000 check-ins for an admin); a person paging
 * through "about 20,000" needs no more, and a filter brings the exact figure
 * back as soon as it narrows the list below the threshold. Since 0.12.0 a
 * total is counted once per write (the figures cache), so the exact range
 * reaches 10,000: a manager's lists, whose estimate can be several times off,
 * are counted exactly.
 */
export const EXACT_TOTAL_UP_TO = 10_000;

export interface PageTotal {
  total: number;
  /** True when `total` is the planner's estimate (more than EXACT_TOTAL_UP_TO rows). */
  estimated: boolean;
}

/**
 * How many rows a list query matches, read through at most `cap + 1` of them.
 * The query's own ORDER BY, OFFSET and LIMIT are dropped; its filters and
 * joins are kept, so the count is of exactly what the list pages through.
 * The total is kept in `figures` under the statement and its parameters
 * (which carry the caller's visibility) until a write to the tables it reads:
 * paging through a list counts it once. `caller` brings the version the
 * sign-in read, so the cache need not ask for it again.
 */
export function pageTotal<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  figures: FiguresCache,
  caller: AuthenticatedUser,
  cap = EXACT_TOTAL_UP_TO,
): Promise<PageTotal> {
  const [sql, params] = query.getQueryAndParameters();
  return figures.remember(
    `total:${cap}:${sql}:${JSON.stringify(params)}`,
    () => countRows(query, cap),
    caller.figuresVersion,
  );
}

async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, cap: number): Promise<PageTotal> {
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

/** A deep page starts from the nearest kept anchor: the row at every ANCHOR_EVERY-th position of the list. */
export const ANCHOR_EVERY = 1000;

/**
 * One page of a list query's entities, chosen by id first: the OFFSET walks
 * the query's own (narrow, usually index-only) rows, and only the page's rows
 * are read whole, by primary key, in the same statement. `order` is the list's
 * order on the entity's own columns, ending in a unique column so that pages
 * never overlap.
 *
 * With `anchored`, a page past the first ANCHOR_EVERY rows of a list ordered in
 * one direction starts after the nearest anchor instead of walking every row
 * before it: the anchors (the id at every ANCHOR_EVERY-th position) are read in
 * one pass and kept like a total, until the next write. Page 2,000 of an
 * admin's 200,000 check-ins then walks at most 999 rows.
 */
export async function pageOfIds<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: ReadonlyArray<[column: string, direction: 'ASC' | 'DESC']>,
  window: { offset: number; pageSize: number },
  anchored?: { figures: FiguresCache; caller: AuthenticatedUser },
): Promise<T[]> {
  const ids = await pageIdsQuery(query, alias, order, window, anchored);
  const target = query.expressionMap.mainAlias?.target;
  if (!target) throw new Error('pageOfIds needs a query built from an entity');
  const page = query.connection
    .getRepository<T>(target)
    .createQueryBuilder(alias)
    .where(`${alias}.id IN (${ids.getQuery()})`)
    .setParameters(ids.getParameters());
  for (const [column, direction] of order) page.addOrderBy(column, direction);
  return page.getMany();
}

/**
 * The query of one page's ids, as `pageOfIds` chooses them (from the nearest anchor when `anchored`), for a
 * statement that reads the page's rows its own way (one that builds the page's JSON in SQL, say).
 */
export async function pageIdsQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: ReadonlyArray<[column: string, direction: 'ASC' | 'DESC']>,
  window: { offset: number; pageSize: number },
  anchored?: { figures: FiguresCache; caller: AuthenticatedUser },
): Promise<SelectQueryBuilder<T>> {
  const ids = query.clone().select(`${alias}.id`, 'id').orderBy();
  for (const [column, direction] of order) ids.addOrderBy(column, direction);
  const target = query.expressionMap.mainAlias?.target;
  if (!target) throw new Error('pageIdsQuery needs a query built from an entity');
  const direction = order[0]?.[1];
  const oneWay = order.every(([column, d]) => d === direction && column.startsWith(`${alias}.`));
  const block = Math.floor(window.offset / ANCHOR_EVERY);
  let skip = window.offset;
  if (anchored && block > 0 && oneWay) {
    const anchors = await listAnchors(ids, order, anchored.figures, anchored.caller.figuresVersion);
    const anchor = anchors[block - 1];
    if (anchor) {
      // Rows after the anchor, in the list's order: the row comparison the (ordered columns) index answers.
      const own = order.map(([column]) => column);
      const theirs = own.map((column) => `anchor.${column.slice(alias.length + 1)}`);
      const table = query.connection.getMetadata(target).tableName;
      ids.andWhere(
        `(${own.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (SELECT ${theirs.join(', ')} FROM ${table} anchor WHERE anchor.id = :pageAnchor)`,
        { pageAnchor: anchor },
      );
      skip = window.offset - block * ANCHOR_EVERY;
    }
  }
  return ids.offset(skip).limit(window.pageSize);
}

/** The id at every ANCHOR_EVERY-th position of an ordered id query (position ANCHOR_EVERY, 2 × ANCHOR_EVERY, …). */
function listAnchors<T extends ObjectLiteral>(
  ids: SelectQueryBuilder<T>,
  order: ReadonlyArray<[column: string, direction: 'ASC' | 'DESC']>,
  figures: FiguresCache,
  version: string | undefined,
): Promise<string[]> {
  const keyed = ids.clone().orderBy();
  order.forEach(([column], i) => keyed.addSelect(column, `k${i}`));
  const [sql, params] = keyed.getQueryAndParameters();
  const numbering = order.map(([, direction], i) => `listed."k${i}" ${direction}`).join(', ');
  return figures.remember(
    `anchors:${ANCHOR_EVERY}:${sql}:${JSON.stringify(params)}`,
    async () => {
      const rows: Array<{ id: string }> = await ids.connection.manager.query(
        `SELECT id FROM (SELECT listed.id, row_number() OVER (ORDER BY ${numbering}) AS position FROM (${sql}) listed) numbered
        WHERE position % ${ANCHOR_EVERY} = 0 ORDER BY position`,
        params,
      );
      return rows.map((r) => r.id);
    },
    version,
  );
}
