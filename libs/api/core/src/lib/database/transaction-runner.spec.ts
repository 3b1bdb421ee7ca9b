import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, TransactionRunner } from './transaction-runner';

/** A data source whose transactions commit at once, or fail at commit as told: the runner's edge. */
function dataSource(failures: unknown[] = []) {
  const calls = { transactions: 0, released: 0 };
  const db = {
    createQueryRunner: () => {
      let failure: unknown;
      return {
        manager: {} as EntityManager,
        query: async () => [],
        startTransaction: async () => {
          calls.transactions++;
          failure = failures.shift();
        },
        commitTransaction: async () => {
          if (failure) throw failure;
        },
        rollbackTransaction: async () => undefined,
        release: async () => {
          calls.released++;
        },
      };
    },
  } as unknown as DataSource;
  return { db, calls };
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TransactionRunner', () => {
  it('runs the step after commit alongside the effects, and answers once both are done', async () => {
    const { db } = dataSource();
    const order: string[] = [];
    const answer = await new TransactionRunner(db).runThen(
      async () => {
        afterCommit(async () => {
          order.push('effect started');
          await later(20);
          order.push('effect done');
        });
        return 41;
      },
      async (committed) => {
        order.push(`next started with ${committed}`);
        await later(5);
        order.push('next done');
        return committed + 1;
      },
    );
    order.push('answered');
    expect(answer).toBe(42);
    // Both started before either was done (the step ran while the effect was under way); the answer waited for both.
    expect(order.slice(0, 2).sort()).toEqual(['effect started', 'next started with 41']);
    expect(order.slice(2)).toEqual(['next done', 'effect done', 'answered']);
  });

  // A step that fails with a deadlock's code, as a rejected promise or thrown before it awaits anything.
  const deadlockLike = Object.assign(new Error('after commit'), { code: '40P01' });
  const failingSteps: Array<[string, () => Promise<never>]> = [
    [
      'rejects',
      async () => {
        throw deadlockLike;
      },
    ],
    [
      'throws before it awaits',
      () => {
        throw deadlockLike;
      },
    ],
  ];

  it.each(failingSteps)(
    'runs the effects and passes the failure on, without running the committed transaction again, when the step %s',
    async (_how, step) => {
      const { db, calls } = dataSource();
      let effects = 0;
      const run = new TransactionRunner(db).runThen(async () => {
        afterCommit(async () => {
          effects++;
        });
        return 'committed';
      }, step);
      await expect(run).rejects.toBe(deadlockLike);
      expect(calls.transactions).toBe(1);
      expect(effects).toBe(1);
    },
  );

  it('runs a transaction chosen as a deadlock victim again, then the step once', async () => {
    const { db, calls } = dataSource([Object.assign(new Error('deadlock'), { code: '40P01' })]);
    const next = jest.fn(async (n: number) => n);
    await expect(new TransactionRunner(db).runThen(async () => calls.transactions, next)).resolves.toBe(2);
    expect(calls.transactions).toBe(2);
    // Each attempt let go of its connection, the failed one too.
    expect(calls.released).toBe(2);
    expect(next).toHaveBeenCalledTimes(1);
  });

  // An effect that fails, as a rejected promise or thrown before it awaits anything (a closed Redis client).
  const failingEffects: Array<[string, () => Promise<void>]> = [
    [
      'rejects',
      async () => {
        throw new Error('Redis away');
      },
    ],
    [
      'throws before it awaits',
      (() => {
        throw new Error('Redis client closed');
      }) as () => Promise<void>,
    ],
  ];

  it.each(failingEffects)(
    'never fails the answer when an effect %s, and logs it: the change is committed',
    async (_how, effect) => {
      const { db } = dataSource();
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const answer = new TransactionRunner(db).run(async () => {
        afterCommit(effect);
        return 'booked';
      });
      await expect(answer).resolves.toBe('booked');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 of 1 after-commit steps failed'));
      warn.mockRestore();
    },
  );
});
