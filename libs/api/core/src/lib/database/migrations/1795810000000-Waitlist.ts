import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waitlist: requests a full team's host put in line (`waitlisted`), the
 * one offered a freed place (`offered`, holding it until `offer_expires_at`)
 * and offers that ran out (`lapsed`); the policy's `offer_hold_hours`; and the
 * emails about them; and `waitlist_if_full`, a request asked for a full team
 * on purpose (its capacity rule waits for the host's waitlist).
 */
export class Waitlist1795810000000 implements MigrationInterface {
  name = 'Waitlist1795810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rotation_requests
        ADD COLUMN waitlisted_at timestamptz,
        ADD COLUMN waitlist_rank bigint,
        ADD COLUMN offered_at timestamptz,
        ADD COLUMN offer_expires_at timestamptz,
        ADD COLUMN offer_version integer NOT NULL DEFAULT 0,
        ADD COLUMN waitlist_if_full boolean NOT NULL DEFAULT false,
        DROP CONSTRAINT rotation_requests_status_check,
        ADD CONSTRAINT rotation_requests_status_check CHECK (status IN
          ('pending_manager', 'pending_host', 'waitlisted', 'offered', 'booked', 'rejected', 'withdrawn', 'lapsed')),
        ADD CONSTRAINT rotation_requests_waitlist_check CHECK (status NOT IN ('waitlisted', 'offered') OR waitlist_rank IS NOT NULL),
        ADD CONSTRAINT rotation_requests_offer_check CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL),
        ADD CONSTRAINT rotation_requests_no_offer_overlap EXCLUDE USING gist (
          pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (status = 'offered')`);
    await q.query(
      `CREATE INDEX rotation_requests_waitlist_idx ON rotation_requests (team_id, waitlist_rank) WHERE status = 'waitlisted'`,
    );
    await q.query(`
      ALTER TABLE policy
        ADD COLUMN offer_hold_hours integer NOT NULL DEFAULT 48,
        ADD CONSTRAINT policy_offer_hold_hours_check CHECK (offer_hold_hours BETWEEN 1 AND 336)`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('request_submitted', 'request_pending_host',
          'request_rejected', 'approval_reminder', 'approval_escalated', 'booked', 'checkin_reminder', 'checkin_overdue',
          'rescheduled', 'cancelled', 'digest', 'waitlisted', 'offer_made', 'offer_lapsed', 'offer_accepted'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM notifications WHERE kind IN ('waitlisted', 'offer_made', 'offer_lapsed', 'offer_accepted')`,
    );
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('request_submitted', 'request_pending_host',
          'request_rejected', 'approval_reminder', 'approval_escalated', 'booked', 'checkin_reminder', 'checkin_overdue',
          'rescheduled', 'cancelled', 'digest'))`);
    await q.query(`ALTER TABLE policy DROP CONSTRAINT policy_offer_hold_hours_check, DROP COLUMN offer_hold_hours`);
    // Before the waitlist there was no way to wait for a place: requests in the new states end as withdrawn.
    await q.query(
      `UPDATE rotation_requests SET status = 'withdrawn' WHERE status IN ('waitlisted', 'offered', 'lapsed')`,
    );
    await q.query(`DROP INDEX rotation_requests_waitlist_idx`);
    await q.query(`
      ALTER TABLE rotation_requests
        DROP CONSTRAINT rotation_requests_no_offer_overlap,
        DROP CONSTRAINT rotation_requests_offer_check,
        DROP CONSTRAINT rotation_requests_waitlist_check,
        DROP CONSTRAINT rotation_requests_status_check,
        ADD CONSTRAINT rotation_requests_status_check CHECK (status IN
          ('pending_manager', 'pending_host', 'booked', 'rejected', 'withdrawn')),
        DROP COLUMN waitlist_if_full,
        DROP COLUMN offer_version,
        DROP COLUMN offer_expires_at,
        DROP COLUMN offered_at,
        DROP COLUMN waitlist_rank,
        DROP COLUMN waitlisted_at`);
  }
}
