import { loadPolicy } from '@stint/api-core';
import { createHolidayCalendar, type BlackoutRange, type BookingFacts, type DateRange } from '@stint/scheduling';
import { todayIn, type HolidayCalendar } from '@stint/shared-dates';
import type { EntityManager } from 'typeorm';

export interface TeamRow {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
  timezone: string;
  manager_id: string;
  holiday_country: string | null;
}

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const TEAM_COLUMNS = 'id, name::text AS name, capacity, active, timezone, manager_id, holiday_country';

/** Reads a team; with `lock`, takes its row lock, which serialises every booking into that team. */
export async function loadTeam(m: EntityManager, teamId: string, lock = false): Promise<TeamRow | null> {
  const rows: TeamRow[] = await m.query(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
    teamId,
  ]);
  return rows[0] ?? null;
}

/** The active teams, by name; only those named when `teamIds` is given. */
export async function loadActiveTeams(m: EntityManager, teamIds?: string[]): Promise<TeamRow[]> {
  return m.query(
    `SELECT ${TEAM_COLUMNS} FROM teams WHERE active AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) ORDER BY name`,
    [teamIds?.length ? teamIds : null],
  );
}

/**
 * The team's public holidays. A country the holiday library no longer knows
 * (the team row was validated when written) is read as no holidays rather
 * than refusing every booking into the team.
 */
export function teamHolidays(team: Pick<TeamRow, 'holiday_country'>): HolidayCalendar {
  try {
    return createHolidayCalendar(team.holiday_country);
  } catch {
    return () => false;
  }
}

/** Serialises all booking work for one PM (their requests and placements across teams). */
export async function lockPm(m: EntityManager, pmId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 73))`, [pmId]);
}

export interface FactsScope {
  /** Range to load overlapping facts for (the candidate's dates, or a whole search window). */
  from: string;
  to: string;
  pmId: string | null;
  /** Leave these out of the PM's and the team's busy days (the request or placement being moved). */
  excludeRequestId?: string | null;
  excludePlacementId?: string | null;
}

export async function loadBlackouts(
  m: EntityManager,
  teamIds: string[],
  from: string,
  to: string,
): Promise<BlackoutRange[]> {
  const rows: Array<{ id: string; team_id: string | null; starts_on: string; ends_on: string; reason: string }> =
    await m.query(
      `SELECT id, team_id, ${DATE('starts_on')} AS starts_on, ${DATE('ends_on')} AS ends_on, reason FROM blackouts
      WHERE (team_id IS NULL OR team_id = ANY($1::uuid[]))
        AND daterange(starts_on, ends_on, '[]') && daterange($2::date, $3::date, '[]')`,
      [teamIds, from, to],
    );
  return rows.map((r) => ({ id: r.id, teamId: r.team_id, startsOn: r.starts_on, endsOn: r.ends_on, reason: r.reason }));
}

/** The PM's live placements, pending requests and offers out overlapping the range. */
export async function loadPmBusy(
  m: EntityManager,
  pmId: string,
  from: string,
  to: string,
  scope: Pick<FactsScope, 'excludeRequestId' | 'excludePlacementId'> = {},
): Promise<DateRange[]> {
  const rows: Array<{ start_date: string; end_date: string; kind: string; id: string }> = await m.query(
    `SELECT ${DATE('start_date')} AS start_date, ${DATE('end_date')} AS end_date, 'placement' AS kind, id FROM placements
      WHERE pm_id = $1 AND cancelled_at IS NULL AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
        AND ($4::uuid IS NULL OR id <> $4::uuid) AND ($5::uuid IS NULL OR request_id <> $5::uuid)
     UNION ALL
     SELECT ${DATE('start_date')}, ${DATE('end_date')}, 'request', id FROM rotation_requests
      WHERE pm_id = $1 AND status IN ('pending_manager', 'pending_host', 'offered') AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
        AND ($5::uuid IS NULL OR id <> $5::uuid)`,
    [pmId, from, to, scope.excludePlacementId ?? null, scope.excludeRequestId ?? null],
  );
  return rows.map((r) => ({ startDate: r.start_date, endDate: r.end_date }));
}

/**
 * What takes the teams' places over the range, grouped by team: live
 * placements, and the places held by waitlist offers not yet answered (the
 * request being judged itself left out, so accepting an offer does not count
 * its place twice).
 */
export async function loadTeamBookings(
  m: EntityManager,
  teamIds: string[],
  from: string,
  to: string,
  exclude: Pick<FactsScope, 'excludeRequestId' | 'excludePlacementId'> = {},
): Promise<Map<string, DateRange[]>> {
  const rows: Array<{ team_id: string; start_date: string; end_date: string }> = await m.query(
    `SELECT team_id, ${DATE('start_date')} AS start_date, ${DATE('end_date')} AS end_date FROM placements
      WHERE team_id = ANY($1::uuid[]) AND cancelled_at IS NULL
        AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
        AND ($4::uuid IS NULL OR id <> $4::uuid)
     UNION ALL
     SELECT team_id, ${DATE('start_date')}, ${DATE('end_date')} FROM rotation_requests
      WHERE team_id = ANY($1::uuid[]) AND status = 'offered'
        AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
        AND ($5::uuid IS NULL OR id <> $5::uuid)`,
    [teamIds, from, to, exclude.excludePlacementId ?? null, exclude.excludeRequestId ?? null],
  );
  const byTeam = new Map<string, DateRange[]>(teamIds.map((id) => [id, []]));
  for (const r of rows) byTeam.get(r.team_id)?.push({ startDate: r.start_date, endDate: r.end_date });
  return byTeam;
}

/** Everything the pure rules need to judge one candidate booking. */
export async function loadBookingFacts(
  m: EntityManager,
  team: TeamRow,
  scope: FactsScope,
  now: Date,
): Promise<BookingFacts> {
  // Sequential on purpose: inside a transaction these share one connection.
  const blackouts = await loadBlackouts(m, [team.id], scope.from, scope.to);
  const pmBusy = scope.pmId ? await loadPmBusy(m, scope.pmId, scope.from, scope.to, scope) : [];
  const bookings = await loadTeamBookings(m, [team.id], scope.from, scope.to, scope);
  const policy = await loadPolicy(m);
  return {
    team: { id: team.id, capacity: team.capacity, active: team.active },
    blackouts,
    pmBusy,
    teamBookings: bookings.get(team.id) ?? [],
    policy,
    today: todayIn(team.timezone, now),
    isHoliday: teamHolidays(team),
  };
}

/** Names of PMs and teams for a page of results: two queries, whatever the page size. */
export async function namesFor(
  m: EntityManager,
  userIds: string[],
  teamIds: string[],
): Promise<{ people: Map<string, string>; teams: Map<string, string> }> {
  const people: Array<{ id: string; name: string }> = userIds.length
    ? await m.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(userIds)]])
    : [];
  const teams: Array<{ id: string; name: string }> = teamIds.length
    ? await m.query(`SELECT id, name::text AS name FROM teams WHERE id = ANY($1::uuid[])`, [[...new Set(teamIds)]])
    : [];
  return { people: new Map(people.map((p) => [p.id, p.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
}
