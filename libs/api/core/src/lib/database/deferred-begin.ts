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

  /**
   * The BEGIN held back, to go at the head of a caller's batch instead (`carry`); statements started meanwhile wait
   * until the batch calls `done`. Otherwise what the batch waits for first: the BEGIN already on its way, if any.
   */
  claim(): BeginClaim {
    if (this.state !== 'held')
      return { carry: false, before: this.sending ?? Promise.resolve(), done: () => undefined };
    this.state = 'sent';
    let done: () => void = () => undefined;
    this.sending = new Promise<void>((resolve) => (done = resolve));
    return { carry: true, before: Promise.resolve(), done };
  }
}

/** What a batch does about its transaction's BEGIN (`claimDeferredBegin`). */
export interface BeginClaim {
  /** True: the batch sends the BEGIN, at its head. */
  carry: boolean;
  /** To await before sending: a BEGIN another statement has on its way. */
  before: Promise<unknown>;
  /** To call once the batch is answered (or failed): statements held behind it go on. */
  done: () => void;
}

const deferred = new WeakMap<QueryRunner, DeferredBegin>();

/**
 * Holds back a transaction's `START TRANSACTION` until its first statement, so that a first statement sent as a
 * batch (`runStatementBatch`) carries it in the same round trip: an approval then spends no round trip of its own
 * on BEGIN. TypeORM keeps its own account of the transaction (started, committed, rolled back, savepoints) as
 * usual; only the text it sends is intercepted on this runner: BEGIN is held, any other statement first sends the
 * BEGIN held, and a COMMIT or ROLLBACK of a transaction that never sent a statement is not sent either.
 * (A `stream()` goes to the driver without `query`: nothing here streams inside a transaction.)
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
 * A batch's part in its runner's BEGIN: it carries the BEGIN held back by `deferBegin` (the statements started
 * meanwhile wait for it), or waits for the one already on its way. Nothing to do on a runner not deferred.
 */
export function claimDeferredBegin(runner: QueryRunner): BeginClaim {
  return deferred.get(runner)?.claim() ?? { carry: false, before: Promise.resolve(), done: () => undefined };
}
