import type { QueryRunner } from 'typeorm';
import { deferBegin, takeDeferredBegin } from './deferred-begin';

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

  it('hands the BEGIN to a batch once, which then counts as sent; the end is sent', async () => {
    const { runner, sent } = recordingRunner();
    await runner.query('START TRANSACTION');
    expect(takeDeferredBegin(runner)).toBe(true);
    expect(takeDeferredBegin(runner)).toBe(false);
    await runner.query('SELECT 1');
    await runner.query('ROLLBACK');
    expect(sent).toEqual(['SELECT 1', 'ROLLBACK']);
  });

  it('a BEGIN already sent is not handed to a batch', async () => {
    const { runner } = recordingRunner();
    await runner.query('START TRANSACTION');
    await runner.query('SELECT 1');
    expect(takeDeferredBegin(runner)).toBe(false);
  });

  it('a BEGIN that fails fails the statement waiting for it, and the statement is not sent', async () => {
    const { runner, sent } = recordingRunner('START TRANSACTION');
    await runner.query('START TRANSACTION');
    await expect(runner.query('SELECT 1')).rejects.toThrow(/START TRANSACTION failed/);
    expect(sent).toEqual(['START TRANSACTION']);
  });

  it('a runner not deferred has no BEGIN to hand over', () => {
    expect(takeDeferredBegin({} as QueryRunner)).toBe(false);
  });
});
