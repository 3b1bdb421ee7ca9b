import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes (issue 15): three viewpoints on what a rotation taught.
 * - The policy names the rated skills (`skills`, the three core ones first,
 *   then any an admin adds) and when the line manager's pulse falls
 *   (`pulse_after_days` after the end, default 60).
 * - Check-ins gain the kind `pulse`; ratings of skills beyond the core three
 *   (`extra_ratings`); the pulse's yes/no (`would_send_again`); the learning
 *   goals revisited at the final (`goal_outcomes`); and who filed it.
 * - `check_in_assessments` holds the host manager's assessment at the final
 *   check-in: one per check-in (the primary key), ratings per skill.
 */
export class Outcomes1795830000000 implements MigrationInterface {
  name = 'Outcomes1795830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy
        ADD COLUMN skills text[] NOT NULL DEFAULT '{negotiation,closing,persistence}',
        ADD COLUMN pulse_after_days integer NOT NULL DEFAULT 60,
        ADD CONSTRAINT policy_pulse_after_days_check CHECK (pulse_after_days BETWEEN 1 AND 365),
        ADD CONSTRAINT policy_skills_core_check CHECK (skills[1:3] = '{negotiation,closing,persistence}')`);
    await q.query(`ALTER TABLE check_ins DROP CONSTRAINT check_ins_kind_check`);
    await q.query(`
      ALTER TABLE check_ins
        ADD CONSTRAINT check_ins_kind_check CHECK (kind IN ('kickoff', 'weekly', 'midpoint', 'final', 'follow_up', 'pulse')),
        ADD COLUMN extra_ratings jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN would_send_again boolean,
        ADD COLUMN goal_outcomes jsonb,
        ADD COLUMN completed_by uuid,
        ADD CONSTRAINT check_ins_completed_by_fkey FOREIGN KEY (completed_by) REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT check_ins_pulse_answer_check CHECK (kind = 'pulse' OR would_send_again IS NULL),
        ADD CONSTRAINT check_ins_goal_outcomes_check CHECK (kind = 'final' OR goal_outcomes IS NULL)`);
    await q.query(`
      CREATE TABLE check_in_assessments (
        check_in_id uuid PRIMARY KEY,
        by_id uuid NOT NULL,
        ratings jsonb NOT NULL,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_assessments_check_in_id_fkey FOREIGN KEY (check_in_id) REFERENCES check_ins(id) ON DELETE CASCADE,
        CONSTRAINT check_in_assessments_by_id_fkey FOREIGN KEY (by_id) REFERENCES users(id) ON DELETE RESTRICT,
        CONSTRAINT check_in_assessments_notes_check CHECK (length(notes) <= 10000)
      )`);
    // The outcomes report reads finished rotations by their final and pulse check-ins.
    await q.query(`CREATE INDEX check_ins_kind_placement_idx ON check_ins (kind, placement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX check_ins_kind_placement_idx`);
    await q.query(`DROP TABLE check_in_assessments`);
    await q.query(`DELETE FROM check_ins WHERE kind = 'pulse'`);
    await q.query(`
      ALTER TABLE check_ins
        DROP CONSTRAINT check_ins_goal_outcomes_check,
        DROP CONSTRAINT check_ins_pulse_answer_check,
        DROP CONSTRAINT check_ins_completed_by_fkey,
        DROP COLUMN completed_by,
        DROP COLUMN goal_outcomes,
        DROP COLUMN would_send_again,
        DROP COLUMN extra_ratings,
        DROP CONSTRAINT check_ins_kind_check`);
    await q.query(
      `ALTER TABLE check_ins ADD CONSTRAINT check_ins_kind_check CHECK (kind IN ('kickoff', 'weekly', 'midpoint', 'final', 'follow_up'))`,
    );
    await q.query(`
      ALTER TABLE policy
        DROP CONSTRAINT policy_skills_core_check,
        DROP CONSTRAINT policy_pulse_after_days_check,
        DROP COLUMN pulse_after_days,
        DROP COLUMN skills`);
  }
}
