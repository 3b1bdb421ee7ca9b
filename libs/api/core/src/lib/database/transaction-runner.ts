import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

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

  async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const effects: Effect[] = [];
    const result = await context.run(effects, () => this.db.transaction(work));
    // Concurrently, and never failing the request: the change is committed whatever happens here.
    const outcomes = await Promise.allSettled(effects.map((effect) => effect()));
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed.length) {
      const reason = failed[0]?.reason;
      this.logger.warn(
        `${failed.length} of ${effects.length} after-commit steps failed (the reconciler will repeat them): ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    }
    return result;
  }
}
