import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the cached figures and list totals read (overview, outcomes report, capacity, timeline, list counts). */
export const FIGURES_TABLES = [
  'placements',
  'check_ins',
  'check_in_assessments',
  'check_in_feedback',
  'request_approvals',
  'rotation_requests',
  'teams',
  'users',
  'policy',
  'blackouts',
] as const;

/**
 * A version for the cached figures (issue 17; FiguresCache says how it is used):
 * a sequence that each transaction writing to a table the figures read
 * advances once, when it commits. The trigger is a deferred constraint
 * trigger, so the version moves after the transaction's last statement: a
 * figure computed while a write is still uncommitted is kept under the old
 * version, and the first read after the commit computes it again. A
 * transaction-local setting lets only its first row call nextval. TRUNCATE
 * (tests, resets) advances it at once. A sequence never blocks and is not
 * rolled back, so writers never queue behind each other for it, and an
 * aborted write costs one cache miss.
 */
export class FiguresVersion1795870000000 implements MigrationInterface {
  name = 'FiguresVersion1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE figures_version`);
    await q.query(
      `CREATE FUNCTION bump_figures_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_LEVEL = 'STATEMENT' OR current_setting('stint.figures_bumped', true) IS DISTINCT FROM 'yes' THEN
           PERFORM nextval('figures_version');
           IF TG_LEVEL = 'ROW' THEN
             PERFORM set_config('stint.figures_bumped', 'yes', true);
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of FIGURES_TABLES) {
      await q.query(
        `CREATE CONSTRAINT TRIGGER ${table}_figures_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_figures_version()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_figures_version_truncate AFTER TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of FIGURES_TABLES) {
      await q.query(`DROP TRIGGER ${table}_figures_version_truncate ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_figures_version ON ${table}`);
    }
    await q.query(`DROP FUNCTION bump_figures_version()`);
    await q.query(`DROP SEQUENCE figures_version`);
  }
}
