import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1795740000000 implements MigrationInterface {
  name = 'CreateUsers1795740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('pm', 'manager', 'admin')),
        manager_id uuid REFERENCES users(id) ON DELETE RESTRICT,
        timezone text NOT NULL DEFAULT 'UTC',
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id)
      )`);
    await q.query(`CREATE INDEX users_manager_id_idx ON users (manager_id)`);
    await q.query(`CREATE INDEX users_role_idx ON users (role)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
  }
}
