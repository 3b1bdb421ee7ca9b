import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reconciler's 10-minute tick looks only at the open check-ins written
 * since its previous tick (issue 17: its cost follows the changes). This
 * index finds them without reading every open check-in.
 */
export class OpenCheckInChanges1795880000000 implements MigrationInterface {
  name = 'OpenCheckInChanges1795880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX check_ins_open_updated_idx ON check_ins (updated_at) WHERE completed_at IS NULL AND cancelled_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX check_ins_open_updated_idx`);
  }
}
