import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: an entity manager (in a transaction or not) or a repository. */
type Sql = Pick<EntityManager, 'query'>;

/** Active admins other than `userId`. */
export async function countOtherActiveAdmins(m: Sql, userId: string): Promise<number> {
  const rows: Array<{ n: number }> = await m.query(
    `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1`,
    [userId],
  );
  return rows[0]?.n ?? 0;
}

/** Teams the user manages. */
export async function countTeamsManagedBy(m: Sql, userId: string): Promise<number> {
  const rows: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM teams WHERE manager_id = $1`, [
    userId,
  ]);
  return rows[0]?.n ?? 0;
}

/** Replaces the password hash only while it is still `current`; updated_at stays, as nothing the user sees changed. */
export async function replacePasswordHash(m: Sql, userId: string, current: string, fresh: string): Promise<void> {
  await m.query(`UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3`, [fresh, userId, current]);
}
