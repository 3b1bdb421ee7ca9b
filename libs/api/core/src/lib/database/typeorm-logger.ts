import { Logger, LoggerService } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';
import { queryText } from './named-statement';

/** How much of a failed statement's SQL reaches the log. */
export const LOGGED_QUERY_MAX_CHARS = 500;

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length} chars)` : flat;
}

/**
 * TypeORM's logger, through Nest's (so pino, JSON, request-free lines).
 *
 * TypeORM's own loggers print a failed statement together with its
 * PARAMETERS, and a QueryFailedError carries them too (plus PostgreSQL's
 * `detail`, e.g. "Failing row contains (…)" with a password hash in it). This
 * one writes only the SQL text (truncated), the error message and the
 * SQLSTATE code: never parameters, never `detail`. Successful queries are not
 * logged (as with `logging: ['error']` before).
 */
export class SafeTypeOrmLogger implements TypeOrmLoggerContract {
  constructor(private readonly logger: LoggerService = new Logger('TypeORM')) {}

  logQuery(): void {
    // Not logged: every statement would be noise, and its parameters are user data.
  }

  /** `_parameters` is taken only to be dropped. */
  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
    this.logger.error(
      `Query failed${typeof code === 'string' ? ` [${code}]` : ''}: ${truncate(message, LOGGED_QUERY_MAX_CHARS)} | SQL: ${truncate(queryText(query), LOGGED_QUERY_MAX_CHARS)}`,
    );
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown[]): void {
    this.logger.warn(`Slow query (${time} ms) | SQL: ${truncate(queryText(query), LOGGED_QUERY_MAX_CHARS)}`);
  }

  logSchemaBuild(): void {
    // synchronize is off: nothing to report.
  }

  logMigration(message: string): void {
    this.logger.debug?.(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(truncate(String(message), LOGGED_QUERY_MAX_CHARS));
  }
}
