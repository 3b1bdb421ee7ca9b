import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'request_submitted', 'request_pending_host', 'request_rejected', 'approval_reminder',
  'approval_escalated', 'booked', 'checkin_reminder', 'checkin_overdue', 'rescheduled', 'cancelled', 'digest',
  'waitlisted', 'offer_made', 'offer_lapsed', 'offer_accepted'`;
const NEW_KINDS = `'proposal_made', 'proposal_accepted', 'proposal_declined'`;

/**
 * Counter-proposals (issue 13): a host whose team is full on a request's
 * dates proposes another start; the PM accepts (the request moves, same
 * duration) or declines. One open proposal per request, kept on the request;
 * and the three emails about it.
 */
export class Proposals1795850000000 implements MigrationInterface {
  name = 'Proposals1795850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rotation_requests
        ADD COLUMN proposed_start_date date,
        ADD COLUMN proposed_by uuid,
        ADD COLUMN proposed_at timestamptz,
        ADD CONSTRAINT rotation_requests_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT rotation_requests_proposal_check CHECK ((proposed_start_date IS NULL) = (proposed_at IS NULL))`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}, ${NEW_KINDS}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind IN (${NEW_KINDS})`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await q.query(`
      ALTER TABLE rotation_requests
        DROP CONSTRAINT rotation_requests_proposal_check,
        DROP CONSTRAINT rotation_requests_proposed_by_fkey,
        DROP COLUMN proposed_at,
        DROP COLUMN proposed_by,
        DROP COLUMN proposed_start_date`);
  }
}
