import type { AffectedPlacement } from '@stint/contracts';
import type { EntityManager } from 'typeorm';

export async function teamExists(m: EntityManager, teamId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM teams WHERE id = $1`, [teamId]);
  return rows.length > 0;
}

/**
 * Serialises the creation of one blackout (team, or all teams, and dates)
 * for the transaction, then names a blackout already there, if any.
 */
export async function lockAndFindTwin(
  m: EntityManager,
  teamId: string | null,
  startsOn: string,
  endsOn: string,
): Promise<string | null> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`blackout:${teamId ?? 'all'}:${startsOn}:${endsOn}`]);
  const twin: Array<{ id: string }> = await m.query(
    `SELECT id FROM blackouts WHERE team_id IS NOT DISTINCT FROM $1::uuid AND starts_on = $2::date AND ends_on = $3::date LIMIT 1`,
    [teamId, startsOn, endsOn],
  );
  return twin[0]?.id ?? null;
}

/** Live placements sharing a day with the range, in the team (or in any team when `teamId` is null). */
export async function placementsOverlapping(
  m: EntityManager,
  teamId: string | null,
  startsOn: string,
  endsOn: string,
): Promise<AffectedPlacement[]> {
  const rows: Array<{ id: string; pm_id: string; team_id: string; start_date: string; end_date: string }> =
    await m.query(
      `SELECT id, pm_id, team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM placements
        WHERE cancelled_at IS NULL
          AND daterange(start_date, end_date, '[]') && daterange($1::date, $2::date, '[]')
          AND ($3::uuid IS NULL OR team_id = $3::uuid)
        ORDER BY start_date, id`,
      [startsOn, endsOn, teamId],
    );
  return rows.map((p) => ({
    id: p.id,
    pmId: p.pm_id,
    teamId: p.team_id,
    startDate: p.start_date,
    endDate: p.end_date,
  }));
}
