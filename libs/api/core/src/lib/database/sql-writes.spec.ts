import { handedWrites, runWrites, withWrites, type SqlWrite } from './sql-writes';

const insert =
  (table: string, value: unknown): SqlWrite =>
  (first) => ({ sql: `INSERT INTO ${table} (v) VALUES ($${first})`, params: [value] });

describe('writes gathered into one statement', () => {
  it('numbers each write after the statement’s own parameters and the writes before it', () => {
    expect(withWrites([insert('a', 1), insert('b', 2)], ['own'])).toEqual({
      sql: 'WITH w0 AS (INSERT INTO a (v) VALUES ($2)), w1 AS (INSERT INTO b (v) VALUES ($3)) ',
      params: ['own', 1, 2],
    });
    expect(withWrites([], ['own'])).toEqual({ sql: '', params: ['own'] });
  });

  it('handed writes tell whether a statement took them, so that the hand that gave them can make them itself', () => {
    const handed = handedWrites([insert('a', 1)]);
    expect(handed.made()).toBe(false);
    const gathered = withWrites(handed.writes, []);
    expect(gathered.params).toEqual([1]);
    expect(handed.made()).toBe(true);
  });

  it('writes made alone are one statement, and no writes are no statement', async () => {
    const query = jest.fn(async () => []);
    await runWrites({ query }, []);
    expect(query).not.toHaveBeenCalled();
    await runWrites({ query }, [insert('a', 1), insert('b', 2)]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith(
      'WITH w0 AS (INSERT INTO a (v) VALUES ($1)), w1 AS (INSERT INTO b (v) VALUES ($2)) SELECT 1',
      [1, 2],
    );
  });
});
