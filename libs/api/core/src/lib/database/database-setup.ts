import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Arbitrary constant: serialises migrations when several API replicas start at once. */
const MIGRATION_LOCK_ID = 7_370_001;

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database (add e.g. /stint at the end)');
  return name;
}

/** Creates the database named by the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if ((error as { code?: string }).code !== '42P04') throw error;
      return false;
    }
    new Logger('Database').log(`Created database ${name}.`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations under an advisory lock; returns the names applied.
 * The lock lives on its own connection, held from lock to unlock (a pooled
 * connection could take the lock and another release it, or return it to the
 * pool still locked). Closing that connection releases the lock whatever happens.
 */
export async function runMigrations(
  url: string,
  migrations: Array<new () => MigrationInterface> = MIGRATIONS,
): Promise<string[]> {
  const lock = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await lock.connect();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.end();
  }
}

/** Database created if missing, then migrated: the step before the API listens. */
export async function prepareDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const applied = await runMigrations(url);
  if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}.`);
}
