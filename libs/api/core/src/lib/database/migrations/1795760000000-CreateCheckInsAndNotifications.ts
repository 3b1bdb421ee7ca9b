import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCheckInsAndNotifications1795760000000 implements MigrationInterface {
  name = 'CreateCheckInsAndNotifications1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('kickoff', 'weekly', 'midpoint', 'final', 'follow_up')),
        due_date date NOT NULL,
        scheduled_at timestamptz NOT NULL,
        completed_at timestamptz,
        rating_negotiation smallint CHECK (rating_negotiation BETWEEN 1 AND 5),
        rating_closing smallint CHECK (rating_closing BETWEEN 1 AND 5),
        rating_persistence smallint CHECK (rating_persistence BETWEEN 1 AND 5),
        notes text NOT NULL DEFAULT '',
        cancelled_at timestamptz,
        -- SEQUENCE of this check-in's calendar invite; bumped on every change.
        invite_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_ins_ratings_complete CHECK (
          (completed_at IS NULL AND rating_negotiation IS NULL AND rating_closing IS NULL AND rating_persistence IS NULL)
          OR (completed_at IS NOT NULL AND rating_negotiation IS NOT NULL AND rating_closing IS NOT NULL AND rating_persistence IS NOT NULL)
        ),
        CONSTRAINT check_ins_not_both CHECK (completed_at IS NULL OR cancelled_at IS NULL)
      )`);
    await q.query(`CREATE INDEX check_ins_placement_idx ON check_ins (placement_id, scheduled_at)`);
    await q.query(
      `CREATE INDEX check_ins_open_idx ON check_ins (scheduled_at) WHERE completed_at IS NULL AND cancelled_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE check_in_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_in_id uuid NOT NULL REFERENCES check_ins(id) ON DELETE CASCADE,
        by_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX check_in_feedback_check_in_idx ON check_in_feedback (check_in_id, at)`);

    // The email outbox: written in the same transaction as the change that causes the email.
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('request_submitted', 'request_pending_host', 'request_rejected', 'approval_reminder',
          'approval_escalated', 'booked', 'checkin_reminder', 'checkin_overdue', 'rescheduled', 'cancelled', 'digest')),
        recipient text NOT NULL,
        recipient_id uuid REFERENCES users(id) ON DELETE SET NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        dedupe_key text NOT NULL UNIQUE,
        related_type text,
        related_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_status_idx ON notifications (status, created_at)`);
    await q.query(`CREATE INDEX notifications_kind_idx ON notifications (kind, created_at)`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE check_in_feedback`);
    await q.query(`DROP TABLE check_ins`);
  }
}
