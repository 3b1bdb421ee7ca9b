import type { DateRange } from '@stint/scheduling';
import type { EntityManager } from 'typeorm';
import type { ExistingTeam, PlannedTeam, TeamManager } from './teams-plan';

type Sql = Pick<EntityManager, 'query'>;

/**
 * Holds off every other change to teams until the import commits, and waits
 * for bookings under way (they hold a team's row lock) to finish: the
 * bookings read next are then all there are, as when the teams service locks
 * one team before lowering its capacity. Plain reads go on.
 */
export async function lockTeamsForImport(m: Sql): Promise<void> {
  await m.query(`LOCK TABLE teams IN EXCLUSIVE MODE`);
}

export async function allTeams(m: Sql): Promise<ExistingTeam[]> {
  const rows: Array<{
    id: string;
    name: string;
    manager_id: string;
    capacity: number;
    region: string;
    segment: string;
    timezone: string;
    holiday_country: string | null;
  }> = await m.query(
    `SELECT id, name::text AS name, manager_id, capacity, region, segment, timezone, holiday_country FROM teams`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    managerId: r.manager_id,
    capacity: r.capacity,
    region: r.region,
    segment: r.segment,
    timezone: r.timezone,
    holidayCountry: r.holiday_country,
  }));
}

/** The users with these emails (lower case), by email. */
export async function usersByEmail(m: Sql, emails: string[]): Promise<Map<string, TeamManager>> {
  const rows: TeamManager[] = await m.query(
    `SELECT id, lower(email::text) AS email, name, role, active FROM users WHERE email = ANY($1::citext[])`,
    [[...new Set(emails)]],
  );
  return new Map(rows.map((u) => [u.email, u]));
}

/**
 * What takes places in these teams on or after `from`, by team: live
 * placements and the places waitlist offers hold (as the teams service counts
 * them before lowering a capacity).
 */
export async function bookingsByTeam(m: Sql, teamIds: string[], from: string): Promise<Map<string, DateRange[]>> {
  const byTeam = new Map<string, DateRange[]>();
  if (!teamIds.length) return byTeam;
  const rows: Array<{ team_id: string; start_date: string; end_date: string }> = await m.query(
    `SELECT b.team_id, to_char(b.start_date, 'YYYY-MM-DD') AS start_date, to_char(b.end_date, 'YYYY-MM-DD') AS end_date
       FROM (SELECT team_id, start_date, end_date FROM placements WHERE cancelled_at IS NULL
             UNION ALL
             SELECT team_id, start_date, end_date FROM rotation_requests WHERE status = 'offered') AS b
      WHERE b.team_id = ANY($1::uuid[]) AND b.end_date >= $2::date`,
    [teamIds, from],
  );
  for (const r of rows)
    byTeam.set(r.team_id, [...(byTeam.get(r.team_id) ?? []), { startDate: r.start_date, endDate: r.end_date }]);
  return byTeam;
}

function columns(teams: PlannedTeam[]): unknown[][] {
  return [
    teams.map((t) => t.id),
    teams.map((t) => t.managerId),
    teams.map((t) => t.capacity),
    teams.map((t) => t.region),
    teams.map((t) => t.segment),
    teams.map((t) => t.timezone),
    teams.map((t) => t.holidayCountry),
  ];
}

export async function insertTeams(m: Sql, teams: PlannedTeam[]): Promise<void> {
  if (!teams.length) return;
  await m.query(
    `INSERT INTO teams (id, manager_id, capacity, region, segment, timezone, holiday_country, name)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [...columns(teams), teams.map((t) => t.name)],
  );
}

export async function updateTeams(m: Sql, teams: PlannedTeam[]): Promise<void> {
  if (!teams.length) return;
  await m.query(
    `UPDATE teams AS t
        SET manager_id = v.manager_id, capacity = v.capacity, region = v.region, segment = v.segment,
            timezone = v.timezone, holiday_country = v.holiday_country, updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS v(id, manager_id, capacity, region, segment, timezone, holiday_country)
      WHERE t.id = v.id`,
    columns(teams),
  );
}
