// Jest's globalSetup is not run through Nx's path resolver, hence the relative import.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { prepareDatabase } from '../../../../libs/api/core/src/lib/database/database-setup';

/**
 * Each run gets its own database and queue prefix, so runs never collide;
 * global-teardown drops both.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const base = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@localhost:5432/postgres');
  base.pathname = `/stint_it_${runId}`;
  process.env['DATABASE_URL'] = base.toString();
  process.env['QUEUE_PREFIX'] = `stint-it-${runId}`;
  process.env['REDIS_URL'] ??= 'redis://localhost:6379';
  process.env['LOG_LEVEL'] ??= 'warn';
  process.env['STINT_VAR_DIR'] = `/tmp/stint-it-${runId}`;
  await prepareDatabase(process.env['DATABASE_URL']);
}
