import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the programme-wide figures read (overview, outcomes report, capacity, timeline). */
export const FIGURES_TABLES = [
  'placements',
  'check_ins',
  'check_in_assessments',
  'rotation_requests',
  'teams',
  'users',
  'policy',
  'blackouts',
] as const;

/**
 * A version for the cached figures (issue 17; FiguresCache says how it is used):
 * a sequence that a statement trigger on each table the figures read advances
 * on every insert, update, delete and truncate. A sequence never blocks and is
 * not rolled back, so writers do not queue behind each other for it and an
 * aborted write only costs one cache miss.
 */
export class FiguresVersion1795870000000 implements MigrationInterface {
  name = 'FiguresVersion1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE figures_version`);
    await q.query(
      `CREATE FUNCTION bump_figures_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM nextval('figures_version');
         RETURN NULL;
       END $$`,
    );
    for (const table of FIGURES_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_figures_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of FIGURES_TABLES) await q.query(`DROP TRIGGER ${table}_figures_version ON ${table}`);
    await q.query(`DROP FUNCTION bump_figures_version()`);
    await q.query(`DROP SEQUENCE figures_version`);
  }
}
