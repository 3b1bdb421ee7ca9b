import { Logger, LoggerService } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { LOGGED_QUERY_MAX_CHARS, SafeTypeOrmLogger } from './typeorm-logger';

/** Collects every line written, at any level. */
function recorder(): { lines: string[]; service: LoggerService } {
  const lines: string[] = [];
  const push = (...args: unknown[]) =>
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  return { lines, service: { log: push, error: push, warn: push, debug: push, verbose: push, fatal: push } };
}

/** What node-postgres throws: the message, a SQLSTATE code and a `detail` that may quote the row. */
function pgError(message: string, code: string, detail: string): Error {
  return Object.assign(new Error(message), { code, detail, severity: 'ERROR', table: 'users' });
}

describe('SafeTypeOrmLogger', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
  const query = 'INSERT INTO "users"("email", "name", "password_hash") VALUES ($1, $2, $3)';
  const parameters = ['ada@example.com', 'Ada Lovelace', hash];

  it('logs a failed query with its SQL, message and code, but never its parameters or the row detail', () => {
    const { lines, service } = recorder();
    const driverError = pgError(
      'duplicate key value violates unique constraint "users_email_key"',
      '23505',
      `Key (email)=(ada@example.com) already exists. Failing row contains (ada@example.com, ${hash}).`,
    );
    new SafeTypeOrmLogger(service).logQueryError(
      new QueryFailedError(query, parameters, driverError),
      query,
      parameters,
    );

    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).toContain('[23505]');
    expect(line).toContain('duplicate key value violates unique constraint "users_email_key"');
    expect(line).toContain('INSERT INTO "users"("email", "name", "password_hash") VALUES ($1, $2, $3)');
    for (const secret of [hash, 'ada@example.com', 'Ada Lovelace', 'argon2', 'Failing row']) {
      expect(line).not.toContain(secret);
    }
  });

  it('truncates a long statement', () => {
    const { lines, service } = recorder();
    const long = `SELECT ${'x, '.repeat(1000)}1`;
    new SafeTypeOrmLogger(service).logQueryError('boom', long, ['p']);
    expect(lines[0]?.length).toBeLessThan(2 * LOGGED_QUERY_MAX_CHARS + 100);
    expect(lines[0]).toMatch(/… \(\d+ chars\)$/);
  });

  it('does not log successful queries, and slow ones without parameters', () => {
    const { lines, service } = recorder();
    const logger = new SafeTypeOrmLogger(service);
    logger.logQuery();
    logger.logQuerySlow(1500, query);
    expect(lines).toEqual([`Slow query (1500 ms) | SQL: ${query}`]);
  });

  it('writes through Nest’s Logger (so pino) by default', () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      new SafeTypeOrmLogger().logQueryError(
        new QueryFailedError(query, parameters, pgError('boom', 'XX000', hash)),
        query,
        parameters,
      );
      expect(spy).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(spy.mock.calls)).not.toContain(hash);
    } finally {
      spy.mockRestore();
    }
  });
});
