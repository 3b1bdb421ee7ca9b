import type { EntityManager } from 'typeorm';
import type { ExistingUser, PlannedUser } from './users-plan';

type Sql = Pick<EntityManager, 'query'>;

/**
 * Holds off every other change to users and teams until the import commits,
 * so the plan made from what it reads stays true; plain reads (signing in,
 * lists) go on, writes that touch users wait a moment. EXCLUSIVE rather than
 * a weaker mode: a transaction that locked a user row (PATCH /api/users/:id)
 * finishes before the import starts instead of deadlocking with it. Teams
 * first, as the teams import locks them.
 */
export async function lockUsersForImport(m: Sql): Promise<void> {
  await m.query(`LOCK TABLE teams IN SHARE MODE`);
  await m.query(`LOCK TABLE users IN EXCLUSIVE MODE`);
}

/** Every user, email in lower case. */
export async function allUsers(m: Sql): Promise<ExistingUser[]> {
  const rows: Array<{
    id: string;
    email: string;
    name: string;
    role: ExistingUser['role'];
    manager_id: string | null;
    timezone: string;
    locale: string | null;
    active: boolean;
  }> = await m.query(
    `SELECT id, lower(email::text) AS email, name, role, manager_id, timezone, locale, active FROM users`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    managerId: r.manager_id,
    timezone: r.timezone,
    locale: r.locale,
    active: r.active,
  }));
}

/** How many teams each user manages. */
export async function teamsManagedByUser(m: Sql): Promise<Map<string, number>> {
  const rows: Array<{ manager_id: string; n: number }> = await m.query(
    `SELECT manager_id, count(*)::int AS n FROM teams GROUP BY manager_id`,
  );
  return new Map(rows.map((r) => [r.manager_id, r.n]));
}

function columns(users: PlannedUser[]) {
  return [
    users.map((u) => u.id),
    users.map((u) => u.name),
    users.map((u) => u.role),
    users.map((u) => u.managerId),
    users.map((u) => u.timezone),
    users.map((u) => u.locale),
  ];
}

/**
 * New users in one statement, without a password. A line manager may be a
 * row of the same statement: PostgreSQL checks the foreign key at its end.
 */
export async function insertUsers(m: Sql, users: PlannedUser[]): Promise<void> {
  if (!users.length) return;
  await m.query(
    `INSERT INTO users (id, email, name, role, manager_id, timezone, locale)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[])`,
    [users.map((u) => u.id), users.map((u) => u.email), ...columns(users).slice(1)],
  );
}

/** Changed users in one statement; a role change ends their sessions (token version + 1). */
export async function updateUsers(m: Sql, users: PlannedUser[]): Promise<void> {
  if (!users.length) return;
  await m.query(
    `UPDATE users AS u
        SET name = v.name, role = v.role, manager_id = v.manager_id, timezone = v.timezone, locale = v.locale,
            token_version = u.token_version + CASE WHEN u.role <> v.role THEN 1 ELSE 0 END,
            updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])
            AS v(id, name, role, manager_id, timezone, locale)
      WHERE u.id = v.id`,
    columns(users),
  );
}
