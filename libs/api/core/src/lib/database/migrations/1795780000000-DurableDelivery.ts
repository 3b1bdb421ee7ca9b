import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable delivery (issue 10):
 * - notifications: a claim (`claimed_until`) instead of a transaction held across SMTP, the
 *   retry timetable (`next_attempt_at`, `first_failed_at`) and permanent refusals;
 * - job_runs: what each reminder, overdue and approval-nudge job did (sent, or skipped and why),
 *   so PostgreSQL says which jobs are still owed and Redis can always be rebuilt from it.
 */
export class DurableDelivery1795780000000 implements MigrationInterface {
  name = 'DurableDelivery1795780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN claimed_until timestamptz,
        ADD COLUMN first_failed_at timestamptz,
        ADD COLUMN permanent_failure boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'`);
    await q.query(
      `CREATE INDEX notifications_related_idx ON notifications (related_id, kind) WHERE related_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE job_runs (
        kind text NOT NULL CHECK (kind IN ('checkin_reminder', 'checkin_overdue', 'approval_nudge')),
        subject_id uuid NOT NULL,
        subject_at timestamptz NOT NULL,
        step integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        ran_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'skipped')),
        reason text,
        PRIMARY KEY (kind, subject_id, subject_at, step)
      )`);
    await q.query(`CREATE INDEX job_runs_ran_idx ON job_runs (ran_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_runs`);
    await q.query(`DROP INDEX notifications_related_idx`);
    await q.query(`DROP INDEX notifications_pending_idx`);
    await q.query(
      `ALTER TABLE notifications DROP COLUMN next_attempt_at, DROP COLUMN claimed_until, DROP COLUMN first_failed_at, DROP COLUMN permanent_failure`,
    );
  }
}
