/**
 * Writes of one change that go to PostgreSQL in one statement (data-modifying CTEs): under a team lock every
 * round trip is a wait for every booking queued behind it. A write is built for the place its parameters take in
 * the statement, `$first` onwards, since only the statement that gathers them knows where that is.
 */
export interface SqlFragment {
  /** An INSERT, UPDATE or DELETE (a CTE's body); it may end in RETURNING. */
  sql: string;
  params: unknown[];
}

export type SqlWrite = (first: number) => SqlFragment;

/**
 * The writes as CTEs (`w0`, `w1`, …) in front of a statement whose own parameters are `ownParams` (`$1` …):
 * returns the WITH clause (empty when there are none) and every parameter in order.
 */
export function withWrites(writes: readonly SqlWrite[], ownParams: readonly unknown[]): SqlFragment {
  const params = [...ownParams];
  const ctes = writes.map((write, i) => {
    const fragment = write(params.length + 1);
    params.push(...fragment.params);
    return `w${i} AS (${fragment.sql})`;
  });
  return { sql: ctes.length ? `WITH ${ctes.join(', ')} ` : '', params };
}

/** `($first, $first+1, …)` for a row of `casts.length` values, each placeholder followed by its cast (`''` for none). */
export function valuesRow(first: number, casts: readonly string[]): string {
  return `(${casts.map((cast, i) => `$${first + i}${cast}`).join(', ')})`;
}

/** Writes with nothing else to go with them: one statement all the same. */
export async function runWrites(
  m: { query(sql: string, params?: unknown[]): Promise<unknown> },
  writes: readonly SqlWrite[],
) {
  if (!writes.length) return;
  const gathered = withWrites(writes, []);
  await m.query(`${gathered.sql}SELECT 1`, gathered.params);
}

/**
 * The writes, and whether any statement has taken them yet (`made`): a change that hands its writes to another
 * part (to go in that part's statement) makes them itself when that part wrote nothing.
 */
export function handedWrites(writes: readonly SqlWrite[]): { writes: SqlWrite[]; made: () => boolean } {
  let taken = false;
  return {
    writes: writes.map((write) => (first: number) => {
      taken = true;
      return write(first);
    }),
    made: () => taken,
  };
}
