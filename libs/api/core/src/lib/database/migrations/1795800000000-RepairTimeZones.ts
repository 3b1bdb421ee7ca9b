import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and teams whose time zone PostgreSQL does not know (e.g. `AET`,
 * `US/Pacific-New`, accepted by earlier versions because the runtime knew
 * them) made every list that converts times in that zone fail. They are set
 * to UTC, and each change is written to the audit log so an admin can pick
 * the right zone.
 */
export class RepairTimeZones1795800000000 implements MigrationInterface {
  name = 'RepairTimeZones1795800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['users', 'teams'] as const) {
      const entity = table === 'users' ? 'user' : 'team';
      await q.query(`
        WITH bad AS (SELECT id, timezone FROM ${table} WHERE timezone NOT IN (SELECT name FROM pg_timezone_names)),
        fixed AS (UPDATE ${table} t SET timezone = 'UTC' FROM bad WHERE t.id = bad.id RETURNING t.id, bad.timezone AS old)
        INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after)
        SELECT NULL, '${entity}.timezone_repaired', '${entity}', id, jsonb_build_object('timezone', old), jsonb_build_object('timezone', 'UTC') FROM fixed`);
    }
  }

  async down(): Promise<void> {
    // The old zones were unusable; there is nothing to restore.
  }
}
