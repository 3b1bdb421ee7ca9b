import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the newest-first request list and the check-in lists by time (found by the query-health test). */
export class AddListIndexes1795770000000 implements MigrationInterface {
  name = 'AddListIndexes1795770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rotation_requests_created_idx ON rotation_requests (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX check_ins_scheduled_idx ON check_ins (scheduled_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX check_ins_scheduled_idx`);
    await q.query(`DROP INDEX rotation_requests_created_idx`);
  }
}
