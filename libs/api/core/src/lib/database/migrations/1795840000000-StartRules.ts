import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Start rules (issue 13): a placement starts at least `min_lead_days`
 * business days of the host team after today, so that both approvals fit.
 * 0 turns the lead time off; at most 60 business days (about three months).
 */
export class StartRules1795840000000 implements MigrationInterface {
  name = 'StartRules1795840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy
        ADD COLUMN min_lead_days integer NOT NULL DEFAULT 5,
        ADD CONSTRAINT policy_min_lead_days_check CHECK (min_lead_days BETWEEN 0 AND 60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy DROP CONSTRAINT policy_min_lead_days_check, DROP COLUMN min_lead_days`);
  }
}
