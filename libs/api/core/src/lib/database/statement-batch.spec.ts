import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { deferBegin } from './deferred-begin';
import { runStatementBatch, uuidLiteral } from './statement-batch';

describe('uuidLiteral', () => {
  it('writes a uuid as a quoted, cast literal, lower-cased', () => {
    expect(uuidLiteral('0B5E1C3A-9F4D-4C2B-8E7A-1D2C3B4A5F60')).toBe("'0b5e1c3a-9f4d-4c2b-8e7a-1d2c3b4a5f60'::uuid");
  });

  it.each([
    ["0b5e1c3a-9f4d-4c2b-8e7a-1d2c3b4a5f60'; DROP TABLE users; --"],
    ['0b5e1c3a-9f4d-4c2b-8e7a-1d2c3b4a5f60\n'],
    ['not-a-uuid'],
    [''],
  ])('refuses %j: nothing but a uuid reaches the SQL', (text) => {
    expect(() => uuidLiteral(text)).toThrow(/not a uuid/);
  });
});

describe('runStatementBatch', () => {
  function managerAnswering(answer: () => Promise<unknown>, active = true) {
    const sent: string[] = [];
    const logged: string[] = [];
    const client = {
      query: (text: string) => {
        sent.push(text);
        return answer();
      },
    };
    const m = {
      queryRunner: { isTransactionActive: active, connect: async () => client },
      connection: { logger: { logQueryError: (_e: unknown, q: string) => logged.push(q) } },
    } as unknown as EntityManager;
    return { m, sent, logged };
  }

  it('sends the statements as one text and answers each one its rows', async () => {
    const { m, sent } = managerAnswering(async () => [{ rows: [{ a: 1 }] }, { rows: [] }]);
    await expect(runStatementBatch(m, ['SELECT 1 AS a', 'SELECT 2 WHERE false'])).resolves.toEqual([[{ a: 1 }], []]);
    expect(sent).toEqual(['SELECT 1 AS a;\nSELECT 2 WHERE false']);
  });

  it("opens a transaction whose BEGIN was held back in the same round trip, and answers only the caller's rows", async () => {
    const { m, sent } = managerAnswering(async () => [{ rows: [] }, { rows: [{ a: 1 }] }]);
    const runner = m.queryRunner as unknown as { query: (sql: string) => Promise<unknown> };
    runner.query = async () => [];
    deferBegin(m.queryRunner as never);
    await runner.query('START TRANSACTION');
    await expect(runStatementBatch(m, ['SELECT 1 AS a'])).resolves.toEqual([[{ a: 1 }]]);
    expect(sent).toEqual(['START TRANSACTION;\nSELECT 1 AS a']);
  });

  it('throws a failed statement as a QueryFailedError carrying the driver code, and logs it', async () => {
    const driver = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const { m, logged } = managerAnswering(() => Promise.reject(driver));
    const failure = runStatementBatch(m, ['SELECT 1', 'SELECT 2']);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '40P01' } });
    expect(logged).toEqual(['SELECT 1;\nSELECT 2']);
  });

  it('refuses to run outside a transaction (each statement would commit alone)', async () => {
    const { m, sent } = managerAnswering(async () => [], false);
    await expect(runStatementBatch(m, ['SELECT 1'])).rejects.toThrow(/inside a transaction/);
    expect(sent).toEqual([]);
  });

  it('refuses an answer that does not match the statements one to one', async () => {
    const { m } = managerAnswering(async () => ({ rows: [] }));
    await expect(runStatementBatch(m, ['SELECT 1', 'SELECT 2'])).rejects.toThrow(/2 statements answered 1 results/);
  });
});
