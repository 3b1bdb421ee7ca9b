import type { EntityManager } from 'typeorm';
import { loadPolicy, rememberPolicy } from './policy';

/** An EntityManager whose only query is the policy read; `inTransaction` stands for a transaction's own manager. */
function manager(inTransaction: boolean): { m: EntityManager; reads: () => number } {
  let reads = 0;
  const m = {
    queryRunner: inTransaction ? { isTransactionActive: true } : undefined,
    query: async () => {
      reads += 1;
      return [{ policy: { minWeeks: 2 + reads, maxWeeks: 12 } }];
    },
  } as unknown as EntityManager;
  return { m, reads: () => reads };
}

describe('loadPolicy', () => {
  it('reads the policy once per transaction, however often the transaction asks', async () => {
    const tx = manager(true);
    const first = await loadPolicy(tx.m);
    const second = await loadPolicy(tx.m);
    expect(tx.reads()).toBe(1);
    expect(second).toBe(first);
    // Another transaction reads its own.
    const other = manager(true);
    await loadPolicy(other.m);
    expect(other.reads()).toBe(1);
  });

  it('reads afresh every time outside a transaction (the pool sees a change at once)', async () => {
    const pool = manager(false);
    expect((await loadPolicy(pool.m)).minWeeks).toBe(3);
    expect((await loadPolicy(pool.m)).minWeeks).toBe(4);
    expect(pool.reads()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const m = {
      queryRunner: { isTransactionActive: true },
      query: async () => {
        calls += 1;
        if (calls === 1) throw new Error('connection reset');
        return [{ policy: { minWeeks: 2 } }];
      },
    } as unknown as EntityManager;
    await expect(loadPolicy(m)).rejects.toThrow('connection reset');
    expect((await loadPolicy(m)).minWeeks).toBe(2);
  });

  it('keeps a policy the transaction read beside its locks, and never one read outside a transaction', async () => {
    const tx = manager(true);
    const known = { minWeeks: 7, maxWeeks: 9 } as Awaited<ReturnType<typeof loadPolicy>>;
    rememberPolicy(tx.m, known);
    expect(await loadPolicy(tx.m)).toBe(known);
    expect(tx.reads()).toBe(0);
    const pool = manager(false);
    rememberPolicy(pool.m, known);
    expect((await loadPolicy(pool.m)).minWeeks).toBe(3);
  });
});
