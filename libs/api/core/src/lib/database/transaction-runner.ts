import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { deferBegin } from './deferred-begin';

type Effect = () => Promise<unknown>;

const context = new AsyncLocalStorage<Effect[]>();

/**
 * Registers work to run once the current transaction has committed (enqueue
 * a job, say). It never runs if the transaction rolls back. Effects are
 * best-effort: PostgreSQL already holds the truth, and the reconciler
 * repeats anything an effect failed to do.
 */
export function afterCommit(effect: Effect): void {
  const effects = context.getStore();
  if (!effects) throw new Error('afterCommit() called outside TransactionRunner.run()');
  effects.push(effect);
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` in a transaction, then the after-commit effects it registered.
   * A transaction PostgreSQL broke off as one side of a deadlock is run again
   * from the start (up to three times): waitlist offers lock several teams and
   * PMs, and a rare crossing of two of them must cost a retry, not an error.
   */
  async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.runThen(work, async (result) => result);
  }

  /**
   * As `run`, and then `next` with the committed result, alongside the after-commit effects rather than after
   * them (reading the answer while the jobs go to Redis); resolves once both are done, with `next`'s result.
   */
  async runThen<T, R>(work: (m: EntityManager) => Promise<T>, next: (result: T) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const effects: Effect[] = [];
      try {
        const result = await context.run(effects, () => this.transaction(work));
        // `next` is started from a resolved promise, so that even a synchronous throw waits for the effects.
        const [answer] = await Promise.allSettled([Promise.resolve(result).then(next), this.runEffects(effects)]);
        if (answer.status === 'rejected') throw new AfterCommitError(answer.reason);
        return answer.value;
      } catch (error) {
        if (error instanceof AfterCommitError) throw error.cause;
        if (attempt >= 3 || !isDeadlock(error)) throw error;
        this.logger.warn(`A transaction was chosen as a deadlock victim; running it again (attempt ${attempt + 1}).`);
      }
    }
  }

  /**
   * TypeORM's `DataSource.transaction`, on a runner whose BEGIN waits for the first statement (`deferBegin`): an
   * approval's first statement is a batch that carries it.
   */
  private async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    deferBegin(runner);
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // The error that ended the transaction is the one to throw, whatever the rollback meets.
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async runEffects(effects: Effect[]): Promise<void> {
    // Concurrently, and never failing the request: the change is committed whatever happens here.
    const outcomes = await Promise.allSettled(effects.map(async (effect) => effect()));
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed.length) {
      const reason = failed[0]?.reason;
      this.logger.warn(
        `${failed.length} of ${effects.length} after-commit steps failed (the reconciler will repeat them): ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    }
  }
}

/** A failure of the step after commit: never a reason to run the committed transaction again. */
class AfterCommitError {
  constructor(readonly cause: unknown) {}
}

/** PostgreSQL's deadlock_detected (40P01), as the driver reports it. */
function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === '40P01' || e?.driverError?.code === '40P01';
}
