import { dropDatabase, prepareDatabase } from '@stint/api-core';
import { removeKeys } from './redis-keys';

/**
 * A database and queue prefix of a suite's own, beside the run's shared ones.
 *
 * Every suite that starts a worker needs one. Workers of the run's shared
 * database and prefix take each other's jobs: one suite's booking email is
 * sent by another suite's worker to that suite's SMTP sink, and an outbox
 * sweep re-queues every suite's unsent mail. A suite that changes the policy
 * (one row for everyone) would change it for the suites running beside it.
 *
 * `open()` creates the database (named by the suffix), points this process
 * at it (support/sql.ts reads DATABASE_URL when called) and returns the
 * settings to start the app with; `close()` drops both and restores the
 * run's settings.
 */
export function ownStore(suffix: string): { open(): Promise<Record<string, string>>; close(): Promise<void> } {
  let before: { database?: string; prefix?: string } | undefined;
  let env: Record<string, string> | undefined;
  return {
    async open() {
      before = { database: process.env['DATABASE_URL'], prefix: process.env['QUEUE_PREFIX'] };
      const url = new URL(String(before.database));
      url.pathname = `${url.pathname}_${suffix}`;
      await prepareDatabase(url.toString());
      env = { DATABASE_URL: url.toString(), QUEUE_PREFIX: `${before.prefix ?? 'stint-it'}-${suffix}` };
      Object.assign(process.env, env);
      return env;
    },
    async close() {
      if (!env || !before) return;
      await dropDatabase(env['DATABASE_URL'] as string);
      await removeKeys(process.env['REDIS_URL'] ?? 'redis://localhost:6379', env['QUEUE_PREFIX'] as string);
      restore('DATABASE_URL', before.database);
      restore('QUEUE_PREFIX', before.prefix);
      env = undefined;
    },
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
