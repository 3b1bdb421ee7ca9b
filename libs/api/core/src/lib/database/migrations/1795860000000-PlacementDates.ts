import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placements by their dates across every team (issue 17, found by the
 * query-health test): a date window ("placements touching 1–31 March") and
 * the "active today" filter are two-sided, which a B-tree on start_date serves
 * only half of, and the range index that exists is per team and for live
 * placements only. A GiST index on the date range answers `&&` for all.
 */
export class PlacementDates1795860000000 implements MigrationInterface {
  name = 'PlacementDates1795860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX placements_dates_idx ON placements USING gist (daterange(start_date, end_date, '[]'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX placements_dates_idx`);
  }
}
