import type { QueryRunner } from 'typeorm';

type Query = QueryRunner['query'];

/** Where a transaction's BEGIN is: held back, sent, or never to be sent (the runner let go). */
class DeferredBegin {
  private state: 'held' | 'sent' = 'held';
  private sending: Promise<unknown> | null = null;

  constructor(private readonly send: (sql: string) => Promise<unknown>) {}

  get held(): boolean {
    return this.state === 'held';
  }

  /** Sends the BEGIN held back (once), before the first statement that needs it. */
  ensureSent(): Promise<unknown> {
    if (this.state === 'held') {
      this.state = 'sent';
      this.sending = this.send('START TRANSACTION');
    }
    return this.sending ?? Promise.resolve();
  }

  /** The BEGIN held back, to go at the head of a caller's batch instead (true: the caller sends it). */
  take(): boolean {
    if (this.state !== 'held') return false;
    this.state = 'sent';
    return true;
  }
}

const deferred = new WeakMap<QueryRunner, DeferredBegin>();

/**
 * Holds back a transaction's `START TRANSACTION` until its first statement, so that a first statement sent as a
 * batch (`runStatementBatch`) carries it in the same round trip: an approval then spends no round trip of its own
 * on BEGIN. TypeORM keeps its own account of the transaction (started, committed, rolled back, savepoints) as
 * usual; only the text it sends is intercepted on this runner: BEGIN is held, any other statement first sends the
 * BEGIN held, and a COMMIT or ROLLBACK of a transaction that never sent a statement is not sent either.
 */
export function deferBegin(runner: QueryRunner): void {
  const query: Query = runner.query.bind(runner);
  const begin = new DeferredBegin((sql) => query(sql));
  deferred.set(runner, begin);
  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (sql === 'START TRANSACTION' && begin.held) return undefined;
    if ((sql === 'COMMIT' || sql === 'ROLLBACK') && begin.held) return undefined;
    await begin.ensureSent();
    return query(sql, parameters, structured as true);
  }) as Query;
}

/**
 * Whether the caller is to send the runner's BEGIN at the head of its own statements (then held back by
 * `deferBegin`, and from now on counted as sent). False when there is none held: sent already, or not deferred.
 */
export function takeDeferredBegin(runner: QueryRunner): boolean {
  return deferred.get(runner)?.take() ?? false;
}
