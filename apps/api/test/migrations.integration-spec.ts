import { dropDatabase, ensureDatabase, MIGRATIONS, runMigrations } from '@stint/api-core';
import { Client } from 'pg';

const base = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const url = (() => {
  const u = new URL(base.toString());
  u.pathname = `/stint_migrations_it_${Date.now().toString(36)}_${process.pid}`;
  return u.toString();
})();

async function query<T>(text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('migrations: several processes starting together on an empty database', () => {
  beforeAll(() => ensureDatabase(url));
  afterAll(() => dropDatabase(url));

  it('applies each migration exactly once, and no process is left holding the lock', async () => {
    const runs = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const names = MIGRATIONS.map((m) => m.name);
    // One process applied them all, in order; the others found nothing left to do.
    expect(runs.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, 0, names.length]);
    expect(runs.find((r) => r.length)).toEqual(names);
    const rows = await query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual(names);
    const held = await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(held[0]?.n).toBe(0);
    // A later start migrates nothing.
    expect(await runMigrations(url)).toEqual([]);
  });
});
