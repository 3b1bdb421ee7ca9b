import type { DateRange } from '@stint/scheduling';
import type { EntityManager } from 'typeorm';

/** What takes the team's places on or after `from`: live placements, and the places waitlist offers hold. */
export async function liveBookingsFrom(m: EntityManager, teamId: string, from: string): Promise<DateRange[]> {
  const rows: Array<{ start_date: string; end_date: string }> = await m.query(
    `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
       FROM placements WHERE team_id = $1 AND cancelled_at IS NULL AND end_date >= $2
     UNION ALL
     SELECT to_char(start_date, 'YYYY-MM-DD'), to_char(end_date, 'YYYY-MM-DD')
       FROM rotation_requests WHERE team_id = $1 AND status = 'offered' AND end_date >= $2`,
    [teamId, from],
  );
  return rows.map((p) => ({ startDate: p.start_date, endDate: p.end_date }));
}

/** What naming someone a team's manager needs to know about them. */
export async function managerCandidate(
  m: EntityManager,
  userId: string,
): Promise<{ role: string; name: string; active: boolean } | undefined> {
  const rows: Array<{ role: string; name: string; active: boolean }> = await m.query(
    `SELECT role, name, active FROM users WHERE id = $1`,
    [userId],
  );
  return rows[0];
}
