import { type EntityManager, QueryFailedError } from 'typeorm';
import { claimDeferredBegin } from './deferred-begin';

/** The part of node-postgres' client a batch needs: a text without parameters answers one result per statement. */
interface BatchClient {
  query(text: string): Promise<BatchResult | BatchResult[]>;
}
interface BatchResult {
  rows: Array<Record<string, unknown>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid written into SQL text, for a batch (which takes no parameters). Only a well-formed uuid is ever written:
 * anything else throws, so no caller's text can reach the SQL.
 */
export function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${JSON.stringify(id).slice(0, 60)}`);
  return `'${id.toLowerCase()}'::uuid`;
}

/**
 * Runs several statements in one round trip, one after another (PostgreSQL's simple query protocol, in the
 * transaction `m` holds). Under READ COMMITTED, every transaction's level here, each statement takes its own
 * snapshot as it starts: a later statement sees what an earlier one waited for. That is what a booking needs
 * under its team lock: the lock taken by the first statement, the places it guards read by the second after the
 * wait, without going back to the API in between (where the other bookings queued behind the lock keep the event
 * loop busy). The first failing statement ends the batch; its error is thrown as TypeORM's QueryFailedError (the
 * driver's error, code included, as its `driverError`) and logged as any failed query is.
 *
 * The texts take no parameters: what they need from outside is written in with `uuidLiteral`.
 * Returns each statement's rows, in order.
 */
export async function runStatementBatch(
  m: EntityManager,
  statements: readonly string[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('runStatementBatch() runs inside a transaction');
  const client = await (runner as unknown as { connect(): Promise<BatchClient> }).connect();
  // A transaction whose BEGIN was held back (`deferBegin`) opens with this batch, in the same round trip.
  const begin = claimDeferredBegin(runner);
  const sent = begin.carry ? ['START TRANSACTION', ...statements] : statements;
  const text = sent.join(';\n');
  let results: BatchResult | BatchResult[];
  try {
    await begin.before;
    results = await client.query(text);
  } catch (error) {
    m.connection.logger.logQueryError(error as Error, text, [], runner);
    throw new QueryFailedError(text, [], error as Error);
  } finally {
    begin.done();
  }
  const list = Array.isArray(results) ? results : [results];
  if (list.length !== sent.length)
    throw new Error(`a batch of ${sent.length} statements answered ${list.length} results`);
  return list.slice(sent.length - statements.length).map((r) => r.rows);
}
