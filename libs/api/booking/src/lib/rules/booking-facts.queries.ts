import { loadPolicy, POLICY_JSON, rememberPolicy } from '@stint/api-core';
import {
  createHolidayCalendar,
  type BlackoutRange,
  type BookingFacts,
  type DateRange,
  type Policy,
} from '@stint/scheduling';
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

/** The advisory lock that serialises all booking work for one PM (their requests and placements across teams). */
const PM_LOCK = (pm: string) => `pg_advisory_xact_lock(hashtextextended(${pm}::text, 73))`;

/** Serialises all booking work for one PM (their requests and placements across teams). */
export async function lockPm(m: EntityManager, pmId: string): Promise<void> {
  await m.query(`SELECT ${PM_LOCK('$1')}`, [pmId]);
}

/**
 * The locks of a booking in one round trip, in the order every path takes them: the team's row lock, then the
 * PM's lock (taken on the row the CTE has already locked, so never before it); and the policy, read in the same
 * statement (the locks do not guard it) and kept for the rest of the transaction. `team` is null (and the PM not
 * locked) when there is no such team. What the locks guard (the bookings) is read in a later statement, whose
 * snapshot is taken after they are held.
 */
export async function lockForBooking(
  m: EntityManager,
  teamId: string,
  pmId: string,
): Promise<{ team: TeamRow | null; policy: Policy }> {
  const rows: Array<TeamRow & { pm_locked: unknown; policy: Policy }> = await m.query(
    `WITH team AS MATERIALIZED (SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1 FOR UPDATE)
     SELECT team.*, ${PM_LOCK('$2')} AS pm_locked, ${POLICY_JSON} AS policy FROM team`,
    [teamId, pmId],
  );
  const row = rows[0];
  if (!row) return { team: null, policy: await loadPolicy(m) };
  const { pm_locked: _locked, policy, ...team } = row;
  rememberPolicy(m, policy);
  return { team, policy };
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

type BlackoutRow = { id: string; team_id: string | null; starts_on: string; ends_on: string; reason: string };
type BusyRow = { start_date: string; end_date: string; kind: string; id: string };
type BookingRow = { team_id: string; start_date: string; end_date: string };

/*
 * The range reads below are written once, with their parameters' placeholders
 * passed in, so each can run alone (the slot search runs them side by side on
 * the pool) or all three in one statement (loadBookingFacts, under the team lock).
 */

/** Blackouts of the teams (and the company-wide ones) overlapping the range. */
function blackoutsSql(teams: string, from: string, to: string): string {
  return `SELECT id, team_id, ${DATE('starts_on')} AS starts_on, ${DATE('ends_on')} AS ends_on, reason FROM blackouts
      WHERE (team_id IS NULL OR team_id = ANY(${teams}::uuid[]))
        AND daterange(starts_on, ends_on, '[]') && daterange(${from}::date, ${to}::date, '[]')`;
}

/** The PM's live placements, pending requests and offers out overlapping the range, less the excluded ones. */
function pmBusySql(pm: string, from: string, to: string, placement: string, request: string): string {
  return `SELECT ${DATE('start_date')} AS start_date, ${DATE('end_date')} AS end_date, 'placement' AS kind, id FROM placements
      WHERE pm_id = ${pm} AND cancelled_at IS NULL AND daterange(start_date, end_date, '[]') && daterange(${from}::date, ${to}::date, '[]')
        AND (${placement}::uuid IS NULL OR id <> ${placement}::uuid) AND (${request}::uuid IS NULL OR request_id <> ${request}::uuid)
     UNION ALL
     SELECT ${DATE('start_date')}, ${DATE('end_date')}, 'request', id FROM rotation_requests
      WHERE pm_id = ${pm} AND status IN ('pending_manager', 'pending_host', 'offered') AND daterange(start_date, end_date, '[]') && daterange(${from}::date, ${to}::date, '[]')
        AND (${request}::uuid IS NULL OR id <> ${request}::uuid)`;
}

/** The teams' live placements and unanswered offers overlapping the range, less the excluded ones. */
function teamBookingsSql(teams: string, from: string, to: string, placement: string, request: string): string {
  return `SELECT team_id, ${DATE('start_date')} AS start_date, ${DATE('end_date')} AS end_date FROM placements
      WHERE team_id = ANY(${teams}::uuid[]) AND cancelled_at IS NULL
        AND daterange(start_date, end_date, '[]') && daterange(${from}::date, ${to}::date, '[]')
        AND (${placement}::uuid IS NULL OR id <> ${placement}::uuid)
     UNION ALL
     SELECT team_id, ${DATE('start_date')}, ${DATE('end_date')} FROM rotation_requests
      WHERE team_id = ANY(${teams}::uuid[]) AND status = 'offered'
        AND daterange(start_date, end_date, '[]') && daterange(${from}::date, ${to}::date, '[]')
        AND (${request}::uuid IS NULL OR id <> ${request}::uuid)`;
}

function toBlackouts(rows: BlackoutRow[]): BlackoutRange[] {
  return rows.map((r) => ({ id: r.id, teamId: r.team_id, startsOn: r.starts_on, endsOn: r.ends_on, reason: r.reason }));
}

function toBusy(rows: BusyRow[]): DateRange[] {
  return rows.map((r) => ({ startDate: r.start_date, endDate: r.end_date }));
}

function byTeam(teamIds: string[], rows: BookingRow[]): Map<string, DateRange[]> {
  const grouped = new Map<string, DateRange[]>(teamIds.map((id) => [id, []]));
  for (const r of rows) grouped.get(r.team_id)?.push({ startDate: r.start_date, endDate: r.end_date });
  return grouped;
}

export async function loadBlackouts(
  m: EntityManager,
  teamIds: string[],
  from: string,
  to: string,
): Promise<BlackoutRange[]> {
  return toBlackouts(await m.query(blackoutsSql('$1', '$2', '$3'), [teamIds, from, to]));
}

/** The PM's live placements, pending requests and offers out overlapping the range. */
export async function loadPmBusy(
  m: EntityManager,
  pmId: string,
  from: string,
  to: string,
  scope: Pick<FactsScope, 'excludeRequestId' | 'excludePlacementId'> = {},
): Promise<DateRange[]> {
  const rows: BusyRow[] = await m.query(pmBusySql('$1', '$2', '$3', '$4', '$5'), [
    pmId,
    from,
    to,
    scope.excludePlacementId ?? null,
    scope.excludeRequestId ?? null,
  ]);
  return toBusy(rows);
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
  const rows: BookingRow[] = await m.query(teamBookingsSql('$1', '$2', '$3', '$4', '$5'), [
    teamIds,
    from,
    to,
    exclude.excludePlacementId ?? null,
    exclude.excludeRequestId ?? null,
  ]);
  return byTeam(teamIds, rows);
}

/** Rows of a subquery as a JSON array (empty, not null, when there are none). */
function jsonRows(sql: string): string {
  return `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x)`;
}

/**
 * Everything the pure rules need to judge one candidate booking. The three
 * range reads go in one statement (one snapshot, one round trip): a booking
 * makes them while it holds its team's row lock, so every round trip there
 * is one more wait for the bookings queued behind it.
 */
export async function loadBookingFacts(
  m: EntityManager,
  team: TeamRow,
  scope: FactsScope,
  now: Date,
  known?: Policy,
): Promise<BookingFacts> {
  const rows: Array<{ blackouts: BlackoutRow[]; pm_busy: BusyRow[]; team_bookings: BookingRow[] }> = await m.query(
    `SELECT ${jsonRows(blackoutsSql('$1', '$2', '$3'))} AS blackouts,
            ${jsonRows(pmBusySql('$4', '$2', '$3', '$5', '$6'))} AS pm_busy,
            ${jsonRows(teamBookingsSql('$1', '$2', '$3', '$5', '$6'))} AS team_bookings`,
    [
      [team.id],
      scope.from,
      scope.to,
      // Without a PM (a team's own facts) `pm_id = NULL` matches nothing: no busy days.
      scope.pmId,
      scope.excludePlacementId ?? null,
      scope.excludeRequestId ?? null,
    ],
  );
  const ranges = rows[0];
  if (!ranges) throw new Error('the booking facts read returned no row');
  const policy = known ?? (await loadPolicy(m));
  return {
    team: { id: team.id, capacity: team.capacity, active: team.active },
    blackouts: toBlackouts(ranges.blackouts),
    pmBusy: toBusy(ranges.pm_busy),
    teamBookings: byTeam([team.id], ranges.team_bookings).get(team.id) ?? [],
    policy,
    today: todayIn(team.timezone, now),
    isHoliday: teamHolidays(team),
  };
}

/** Names of PMs and teams for a page of results: one query, whatever the page size. */
export async function namesFor(
  m: EntityManager,
  userIds: string[],
  teamIds: string[],
): Promise<{ people: Map<string, string>; teams: Map<string, string> }> {
  const people = new Map<string, string>();
  const teams = new Map<string, string>();
  if (!userIds.length && !teamIds.length) return { people, teams };
  const rows: Array<{ team: boolean; id: string; name: string }> = await m.query(
    `SELECT false AS team, id, name FROM users WHERE id = ANY($1::uuid[])
     UNION ALL
     SELECT true, id, name::text FROM teams WHERE id = ANY($2::uuid[])`,
    [[...new Set(userIds)], [...new Set(teamIds)]],
  );
  for (const r of rows) (r.team ? teams : people).set(r.id, r.name);
  return { people, teams };
}
