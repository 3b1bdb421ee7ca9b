import { dropDatabase, MIGRATIONS, prepareDatabase } from '@stint/api-core';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/data-source';

/**
 * The entities describe the schema the migrations make. Changing an entity
 * (a column, an index, a foreign key, a check) without a migration fails
 * here; `npm run migration:generate -- <Name>` writes the missing migration
 * from the same comparison.
 */
const url = (() => {
  const u = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = `/stint_schema_drift_it_${Date.now().toString(36)}_${process.pid}`;
  return u.toString();
})();

describe('schema drift: entities against a database migrated to the latest migration', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await prepareDatabase(url);
    dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: 'migrations',
      synchronize: false,
      logging: ['error'],
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await dropDatabase(url);
  });

  it('has applied every migration', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('finds nothing for migration:generate to write', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const queries = upQueries.map((q) => q.query.trim());
    if (queries.length > 0) {
      throw new Error(
        [
          `The entities and the migrations disagree: TypeORM would run ${queries.length} statement(s) to make the schema match the entities.`,
          'If the entity change is intended, add a migration: `npm run migration:generate -- <Name>`',
          '(against a database migrated to the latest migration; see tools/migrations.cjs), review it and list it in MIGRATIONS.',
          'If not, make the entity describe the schema again.',
          '',
          ...queries.map((q) => `${q};`),
        ].join('\n'),
      );
    }
    expect(queries).toEqual([]);
  });
});
