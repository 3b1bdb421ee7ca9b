import type { EntityManager } from 'typeorm';

/**
 * The transaction's own timestamp (`now()`, which is also `CURRENT_TIMESTAMP` and every `DEFAULT now()` in it),
 * as a statement of the transaction read it beside something else: a booking's locks read it, so that the rows
 * it writes in one statement with others need no RETURNING to be answered with their timestamps.
 */
const readInTransaction = new WeakMap<EntityManager, Date>();

export function rememberTransactionNow(m: EntityManager, now: Date): void {
  if (m.queryRunner?.isTransactionActive) readInTransaction.set(m, now);
}

/** `now()` of the manager's transaction: as remembered, or read. */
export async function transactionNow(m: EntityManager): Promise<Date> {
  const held = m.queryRunner?.isTransactionActive ? readInTransaction.get(m) : undefined;
  if (held) return held;
  const rows: Array<{ now: Date }> = await m.query('SELECT now() AS now');
  const now = rows[0]?.now;
  if (!now) throw new Error('now() answered nothing');
  rememberTransactionNow(m, now);
  return now;
}
