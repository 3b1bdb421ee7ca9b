import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity (issue 16): users made by a bulk import (or single sign-on) have no
 * password, so `password_hash` may be NULL (password sign-in then fails as a
 * wrong password does); users gain a `locale` (a BCP 47 tag); and each user
 * may have one personal calendar feed, of which only the SHA-256 of its secret
 * token is kept (`calendar_feed_token_hash`, unique, so a token names one user).
 */
export class Identity1795820000000 implements MigrationInterface {
  name = 'Identity1795820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD COLUMN locale text,
        ADD COLUMN calendar_feed_token_hash text,
        ADD CONSTRAINT users_calendar_feed_token_hash_key UNIQUE (calendar_feed_token_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A user without a password gets a hash no password matches: they still cannot sign in with one.
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_calendar_feed_token_hash_key,
        DROP COLUMN calendar_feed_token_hash,
        DROP COLUMN locale,
        ALTER COLUMN password_hash SET NOT NULL`);
  }
}
