import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every access token carries the user's token version (claim `ver`); the
 * guard refuses a token whose version is not the current one. A password
 * change, a deactivation, a role change and "sign out everywhere" bump it,
 * so all earlier tokens of that user end at once. Tokens issued before this
 * migration carry no `ver` and count as version 0.
 */
export class TokenVersion1795790000000 implements MigrationInterface {
  name = 'TokenVersion1795790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
