import type { QueryRunner } from 'typeorm';
import { claimDeferredBegin, deferBegin } from './deferred-begin';

/** A runner that records what would reach PostgreSQL. */
function recordingRunner(fail?: string) {
  const sent: string[] = [];
  const runner = {
    query: async (sql: string) => {
      sent.push(sql);
      if (sql === fail) throw new Error(`${sql} failed`);
      return [];
    },
  } as unknown as QueryRunner;
  deferBegin(runner);
  return { runner, sent };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('deferBegin', () => {
  it('sends BEGIN just before the first statement, once', async () => {
    const { runner, sent } = recordingRunner();
    await runner.query('START TRANSACTION');
    expect(sent).toEqual([]);
    await runner.query('SELECT 1');
    await runner.query('SELECT 2');
    await runner.query('COMMIT');
    expect(sent).toEqual(['START TRANSACTION', 'SELECT 1', 'SELECT 2', 'COMMIT']);
  });

  it('sends BEGIN once when the first statements go out together', async () => {
    const { runner, sent } = recordingRunner();
    await runner.query('START TRANSACTION');
    await Promise.all([runner.query('SELECT 1'), runner.query('SELECT 2')]);
    expect(sent.filter((s) => s === 'START TRANSACTION')).toHaveLength(1);
    expect(sent[0]).toBe('START TRANSACTION');
  });

  it('sends nothing at all for a transaction that sent no statement', async () => {
    for (const end of ['COMMIT', 'ROLLBACK']) {
      const { runner, sent } = recordingRunner();
      await runner.query('START TRANSACTION');
      await runner.query(end);
      expect(sent).toEqual([]);
    }
  });

  it('hands the BEGIN to a batch once; a statement started meanwhile waits for the batch', async () => {
    const { runner, sent } = recordingRunner();
    await runner.query('START TRANSACTION');
    const claim = claimDeferredBegin(runner);
    expect(claim.carry).toBe(true);
    expect(claimDeferredBegin(runner).carry).toBe(false);
    const later = runner.query('SELECT 2');
    await tick();
    expect(sent).toEqual([]);
    sent.push('START TRANSACTION;\nSELECT 1');
    claim.done();
    await later;
    await runner.query('ROLLBACK');
    expect(sent).toEqual(['START TRANSACTION;\nSELECT 1', 'SELECT 2', 'ROLLBACK']);
  });

  it('a batch started while a statement sends the BEGIN waits for that BEGIN, and carries none', async () => {
    let finishBegin: () => void = () => undefined;
    const sent: string[] = [];
    const runner = {
      query: (sql: string) => {
        sent.push(sql);
        return sql === 'START TRANSACTION'
          ? new Promise<void>((resolve) => (finishBegin = resolve))
          : Promise.resolve([]);
      },
    } as unknown as QueryRunner;
    deferBegin(runner);
    await runner.query('START TRANSACTION');
    const first = runner.query('SELECT 1');
    const claim = claimDeferredBegin(runner);
    expect(claim.carry).toBe(false);
    let waited = false;
    const batch = claim.before.then(() => (waited = true));
    await tick();
    expect(waited).toBe(false);
    finishBegin();
    await Promise.all([first, batch]);
    expect(waited).toBe(true);
    expect(sent).toEqual(['START TRANSACTION', 'SELECT 1']);
  });

  it('a BEGIN already sent is not handed to a batch', async () => {
    const { runner } = recordingRunner();
    await runner.query('START TRANSACTION');
    await runner.query('SELECT 1');
    expect(claimDeferredBegin(runner).carry).toBe(false);
  });

  it('a BEGIN that fails fails the statement waiting for it, and the statement is not sent', async () => {
    const { runner, sent } = recordingRunner('START TRANSACTION');
    await runner.query('START TRANSACTION');
    await expect(runner.query('SELECT 1')).rejects.toThrow(/START TRANSACTION failed/);
    expect(sent).toEqual(['START TRANSACTION']);
  });

  it('a runner not deferred has no BEGIN to hand over', () => {
    expect(claimDeferredBegin({} as QueryRunner).carry).toBe(false);
  });
});
