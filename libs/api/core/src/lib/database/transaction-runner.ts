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
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.logger.warn(`An after-commit step failed (the reconciler will repeat it): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return result;
  }
}
