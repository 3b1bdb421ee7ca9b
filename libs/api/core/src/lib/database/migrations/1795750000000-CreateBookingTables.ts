import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBookingTables1795750000000 implements MigrationInterface {
  name = 'CreateBookingTables1795750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
        region text NOT NULL DEFAULT '',
        segment text NOT NULL DEFAULT '',
        manager_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        capacity integer NOT NULL CHECK (capacity >= 1 AND capacity <= 1000),
        timezone text NOT NULL DEFAULT 'UTC',
        holiday_country text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX teams_manager_id_idx ON teams (manager_id)`);

    await q.query(`
      CREATE TABLE blackouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid REFERENCES teams(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT blackouts_range CHECK (ends_on >= starts_on)
      )`);
    await q.query(
      `CREATE INDEX blackouts_range_idx ON blackouts USING gist (team_id, daterange(starts_on, ends_on, '[]'))`,
    );

    // One row: the programme's policy.
    await q.query(`
      CREATE TABLE policy (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        min_weeks integer NOT NULL DEFAULT 1,
        max_weeks integer NOT NULL DEFAULT 12,
        checkin_time text NOT NULL DEFAULT '10:00' CHECK (checkin_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        reminder_lead_hours integer NOT NULL DEFAULT 24 CHECK (reminder_lead_hours >= 0),
        overdue_after_hours integer NOT NULL DEFAULT 48 CHECK (overdue_after_hours >= 0),
        follow_up_days integer NOT NULL DEFAULT 30 CHECK (follow_up_days >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_weeks CHECK (min_weeks >= 1 AND max_weeks >= min_weeks AND max_weeks <= 52)
      )`);
    await q.query(`INSERT INTO policy (id) VALUES (1)`);

    await q.query(`
      CREATE TABLE rotation_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pm_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE RESTRICT,
        start_date date NOT NULL,
        end_date date NOT NULL,
        duration_weeks integer NOT NULL CHECK (duration_weeks BETWEEN 1 AND 52),
        goals jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(goals) = 'array'),
        motivation text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('pending_manager', 'pending_host', 'booked', 'rejected', 'withdrawn')),
        placement_id uuid,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        pending_since timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rotation_requests_end CHECK (end_date = start_date + (7 * duration_weeks - 1)),
        -- A PM never has two pending requests that share a day.
        CONSTRAINT rotation_requests_no_pending_overlap EXCLUDE USING gist (
          pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&
        ) WHERE (status IN ('pending_manager', 'pending_host'))
      )`);
    await q.query(`CREATE INDEX rotation_requests_status_idx ON rotation_requests (status, created_at)`);
    await q.query(`CREATE INDEX rotation_requests_team_idx ON rotation_requests (team_id, status)`);
    await q.query(`CREATE INDEX rotation_requests_pm_idx ON rotation_requests (pm_id, status)`);

    await q.query(`
      CREATE TABLE request_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES rotation_requests(id) ON DELETE CASCADE,
        step text NOT NULL CHECK (step IN ('manager', 'host')),
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        by_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        comment text NOT NULL DEFAULT '',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX request_approvals_request_idx ON request_approvals (request_id, at)`);

    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL UNIQUE REFERENCES rotation_requests(id) ON DELETE RESTRICT,
        pm_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE RESTRICT,
        start_date date NOT NULL,
        end_date date NOT NULL,
        duration_weeks integer NOT NULL CHECK (duration_weeks BETWEEN 1 AND 52),
        cancelled_at timestamptz,
        cancelled_reason text,
        cancelled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT placements_end CHECK (end_date = start_date + (7 * duration_weeks - 1)),
        CONSTRAINT placements_cancel_reason CHECK (cancelled_at IS NULL OR cancelled_reason IS NOT NULL),
        -- A PM never holds two live placements that share a day.
        CONSTRAINT placements_no_pm_overlap EXCLUDE USING gist (
          pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&
        ) WHERE (cancelled_at IS NULL)
      )`);
    await q.query(
      `CREATE INDEX placements_team_range_idx ON placements USING gist (team_id, daterange(start_date, end_date, '[]')) WHERE cancelled_at IS NULL`,
    );
    await q.query(`CREATE INDEX placements_pm_idx ON placements (pm_id, start_date)`);
    await q.query(`CREATE INDEX placements_team_start_idx ON placements (team_id, start_date)`);
    await q.query(`CREATE INDEX placements_start_idx ON placements (start_date, id)`);
    await q.query(
      `ALTER TABLE rotation_requests ADD CONSTRAINT rotation_requests_placement_fk FOREIGN KEY (placement_id) REFERENCES placements(id) ON DELETE SET NULL`,
    );

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`ALTER TABLE rotation_requests DROP CONSTRAINT rotation_requests_placement_fk`);
    await q.query(`DROP TABLE placements`);
    await q.query(`DROP TABLE request_approvals`);
    await q.query(`DROP TABLE rotation_requests`);
    await q.query(`DROP TABLE policy`);
    await q.query(`DROP TABLE blackouts`);
    await q.query(`DROP TABLE teams`);
  }
}
