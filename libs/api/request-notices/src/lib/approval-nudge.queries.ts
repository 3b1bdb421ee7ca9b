import type { Person } from '@stint/api-notifications';
import type { EntityManager } from 'typeorm';

/** A request still waiting in the same step since the same moment. */
export interface StillWaiting {
  id: string;
  pm_id: string;
  team_id: string;
  start_date: string;
  end_date: string;
}

/** The request if it still waits in `status` since `pendingSince`; undefined once decided, withdrawn or edited. */
export async function stillWaiting(
  m: EntityManager,
  requestId: string,
  status: string,
  pendingSince: string,
): Promise<StillWaiting | undefined> {
  const rows: StillWaiting[] = await m.query(
    `SELECT id, pm_id, team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
     FROM rotation_requests WHERE id = $1 AND status = $2 AND pending_since = $3`,
    [requestId, status, pendingSince],
  );
  return rows[0];
}

/** Every active admin, by email: who hears of a request stuck for 72 hours. */
export function activeAdmins(m: EntityManager): Promise<Person[]> {
  return m.query(
    `SELECT id, name, email::text AS email, timezone, locale FROM users WHERE role = 'admin' AND active ORDER BY email`,
  );
}
