import {
  FIGURES_VERSION_SELECT,
  figuresVersionOf,
  type FiguresVersionRow,
  loadPolicy,
  POLICY_JSON,
  namedStatement,
  asQuery,
  rememberPolicy,
  rememberTransactionNow,
  runStatementBatch,
  uuidLiteral,
} from '@stint/api-core';
import {
  createHolidayCalendar,
  type BlackoutRange,
  type BookingFacts,
  type DateRange,
  type Policy,
} from '@stint/scheduling';
import { partiesJson, rememberParties, type RotationParties } from '@stint/api-notifications';
import { todayIn, type HolidayCalendar } from '@stint/shared-dates';
import type { EntityManager } from 'typeorm';
import { RotationRequestEntity } from '../rotation-request.entity';

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
 * PM's lock (taken on the row the CTE has already locked, so never before it); and the policy and the rotation's
 * parties, read in the same statement and kept for the rest of the transaction (the booking's cadence and emails
 * need them). The parties' team is the locked row as it is after the wait (a team edit committed meanwhile shows,
 * as in the rules); the people and the policy are as the statement began, which the locks do not guard anyway.
 * Null (and the PM not locked) when there is no such team. What the locks guard (the bookings) is read
 * in a later statement, whose snapshot is taken after they are held.
 */
const LOCK_FOR_BOOKING = namedStatement(
  `WITH team AS MATERIALIZED (SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1 FOR UPDATE)
   SELECT team.*, ${PM_LOCK('$2')} AS pm_locked, ${POLICY_JSON} AS policy,
          ${partiesJson('$2::uuid', '$1::uuid', 'team')} AS parties, now() AS locked_now FROM team`,
);

export async function lockForBooking(
  m: EntityManager,
  teamId: string,
  pmId: string,
): Promise<{ team: TeamRow; policy: Policy } | null> {
  const rows: Array<
    TeamRow & { pm_locked: unknown; policy: Policy; parties: RotationParties | null; locked_now: Date }
  > = await m.query(asQuery(LOCK_FOR_BOOKING), [teamId, pmId]);
  const row = rows[0];
  if (!row) return null;
  const { pm_locked: _locked, policy, parties, locked_now: now, ...team } = row;
  rememberTransactionNow(m, now);
  rememberPolicy(m, policy);
  if (parties) rememberParties(m, pmId, teamId, parties);
  return { team, policy };
}

/** What `lockRequestWithFacts` holds and reads: the request's row as stored, and what `lockForBooking` gives. */
export interface LockedRequest {
  /** The request's row under its lock, with the table's own column names (see `hydrate`). */
  row: Record<string, unknown>;
  team: TeamRow;
  policy: Policy;
  parties: RotationParties;
  pmActive: boolean;
}

/**
 * Approving's locks in one round trip: the request's row lock, then its team's row lock and the PM's lock (as
 * `lockForBooking` takes them, in the same order, behind the request's), with the policy, the rotation's parties
 * and whether the PM is active. The team is the one the request names once its lock is held: a request moved to
 * another team while this statement waited is locked into its new team, whose row and parties are read after
 * that. One round trip fewer than `findVisible` and then `lockForBooking`. The request's columns are named (the
 * entity's), never `*`. `id`: the request's id as SQL.
 */
function lockRequestForBookingSql(requestColumns: string[], id: string): string {
  return `WITH request AS MATERIALIZED (SELECT ${requestColumns.join(', ')} FROM rotation_requests WHERE id = ${id} FOR UPDATE),
        team AS MATERIALIZED (SELECT ${TEAM_COLUMNS} FROM teams WHERE id = (SELECT team_id FROM request) FOR UPDATE)
   SELECT request.*, row_to_json(team) AS locked_team, ${PM_LOCK('request.pm_id')} AS pm_locked,
          ${POLICY_JSON} AS locked_policy, ${partiesJson('request.pm_id', 'team.id', 'team')} AS locked_parties,
          (SELECT active FROM users WHERE id = request.pm_id) AS locked_pm_active, now() AS locked_now,
          current_setting('transaction_isolation') AS locked_isolation
     FROM request JOIN team ON true`;
}

type LockedRow = Record<string, unknown> & {
  locked_team: TeamRow;
  pm_locked: unknown;
  locked_policy: Policy;
  locked_parties: RotationParties | null;
  locked_pm_active: boolean | null;
  locked_now: Date;
  locked_isolation: string;
};

function lockedRequestOf(m: EntityManager, rows: LockedRow[]): LockedRequest | null {
  const found = rows[0];
  if (!found?.locked_parties) return null;
  const {
    locked_team: team,
    pm_locked: _locked,
    locked_policy: policy,
    locked_parties: parties,
    locked_pm_active: pmActive,
    locked_now: now,
    locked_isolation: isolation,
    ...row
  } = found;
  // The facts' statement sees the bookings committed while the locks were awaited only with a snapshot of its own.
  if (isolation !== 'read committed')
    throw new Error(`approving reads its facts after its locks under READ COMMITTED, not ${isolation}`);
  rememberTransactionNow(m, now);
  rememberPolicy(m, policy);
  rememberParties(m, parties.pm.id, team.id, parties);
  return { row, team, policy, parties, pmActive: pmActive === true };
}

/** The booking facts' range reads for one scope, read ahead (before the rules ask for them). */
export interface ReadAheadRanges {
  scope: Required<Pick<FactsScope, 'from' | 'to' | 'pmId' | 'excludeRequestId'>> & { teamId: string };
  ranges: RangesRow;
}

/**
 * Approving's locks (`lockRequestForBookingSql`), and the booking facts of the request as it stands (its team, PM
 * and dates, itself left out) read by a second statement of the same round trip, whose snapshot is taken once the
 * locks are held. An approval thus goes back to the API once under its team's lock before it writes, not twice.
 * `alongside`: statements the caller reads in the same round trip, after the facts (no parameters: see
 * `runStatementBatch`); their rows come back in `alongside`, one list per statement.
 * Null when there is no such request (nor its team); the locks and reads are kept as `lockForBooking` keeps them.
 */
export async function lockRequestWithFacts(
  m: EntityManager,
  requestId: string,
  ...alongside: string[]
): Promise<
  (LockedRequest & { readAhead: ReadAheadRanges | null; alongside: Array<Array<Record<string, unknown>>> }) | null
> {
  const id = uuidLiteral(requestId);
  const columns = m.connection.getMetadata(RotationRequestEntity).columns.map((c) => c.databaseName);
  const [lockRows = [], factRows = [], ...theirs] = await runStatementBatch(m, [
    lockRequestForBookingSql(columns, id),
    `SELECT r.id AS scope_request, r.team_id AS scope_team, r.pm_id AS scope_pm, ${DATE('r.start_date')} AS scope_from,
            ${DATE('r.end_date')} AS scope_to, ranges.*
       FROM rotation_requests r,
            LATERAL (${bookingRangesSql('ARRAY[r.team_id]', 'r.start_date', 'r.end_date', 'r.pm_id', 'NULL', 'r.id')}) ranges
      WHERE r.id = ${id}`,
    ...alongside,
  ]);
  const locked = lockedRequestOf(m, lockRows as LockedRow[]);
  if (!locked) return null;
  const facts = factRows[0] as
    | (RangesRow & {
        scope_request: string;
        scope_team: string;
        scope_pm: string;
        scope_from: string;
        scope_to: string;
      })
    | undefined;
  const readAhead: ReadAheadRanges | null = facts
    ? {
        scope: {
          teamId: facts.scope_team,
          pmId: facts.scope_pm,
          from: facts.scope_from,
          to: facts.scope_to,
          excludeRequestId: facts.scope_request,
        },
        ranges: { blackouts: facts.blackouts, pm_busy: facts.pm_busy, team_bookings: facts.team_bookings },
      }
    : null;
  return { ...locked, readAhead, alongside: theirs };
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
/** A place taken in a team: a live placement, or a waitlist offer not yet answered (`id` the request's). */
type BookingRow = { team_id: string; start_date: string; end_date: string; kind: 'placement' | 'offer'; id: string };

/*
 * The range reads below are written once, with their parameters' placeholders
 * passed in, so each can run alone (a team's availability) or several in one
 * statement (loadBookingFacts under the team lock, and lockRequestWithFacts
 * after approving's locks; the slot search's teams window, and the PM's busy
 * days with the figures version).
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
  return `SELECT team_id, ${DATE('start_date')} AS start_date, ${DATE('end_date')} AS end_date, 'placement' AS kind, id FROM placements
      WHERE team_id = ANY(${teams}::uuid[]) AND cancelled_at IS NULL
        AND daterange(start_date, end_date, '[]') && daterange(${from}::date, ${to}::date, '[]')
        AND (${placement}::uuid IS NULL OR id <> ${placement}::uuid)
     UNION ALL
     SELECT team_id, ${DATE('start_date')}, ${DATE('end_date')}, 'offer', id FROM rotation_requests
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

/** What a slot search reads of its teams over its window, the same for every PM who searches it. */
export interface TeamsWindow {
  blackouts: BlackoutRange[];
  /** Each team's places taken, with what took them (a kept window leaves out a move's own booking itself). */
  bookings: Map<string, Array<DateRange & Pick<BookingRow, 'kind' | 'id'>>>;
}

/** The blackouts and places taken of these teams over the range, in one statement. */
export async function loadTeamsWindow(
  m: EntityManager,
  teamIds: string[],
  from: string,
  to: string,
): Promise<TeamsWindow> {
  const rows: Array<{ blackouts: BlackoutRow[]; bookings: BookingRow[] }> = await m.query(
    `SELECT ${jsonRows(blackoutsSql('$1', '$2', '$3'))} AS blackouts,
            ${jsonRows(teamBookingsSql('$1', '$2', '$3', 'NULL', 'NULL'))} AS bookings`,
    [teamIds, from, to],
  );
  const found = rows[0];
  if (!found) throw new Error('the teams window read returned no row');
  const bookings = new Map<string, Array<DateRange & Pick<BookingRow, 'kind' | 'id'>>>(teamIds.map((id) => [id, []]));
  for (const r of found.bookings)
    bookings.get(r.team_id)?.push({ startDate: r.start_date, endDate: r.end_date, kind: r.kind, id: r.id });
  return { blackouts: toBlackouts(found.blackouts), bookings };
}

/** Every active team by name, and the policy: what a slot search starts from, in one statement. */
export async function loadActiveTeamsAndPolicy(m: EntityManager): Promise<{ teams: TeamRow[]; policy: Policy }> {
  const rows: Array<{ teams: Array<TeamRow & { sort: string }>; policy: Policy }> = await m.query(
    `SELECT (SELECT coalesce(json_agg(t ORDER BY t.sort), '[]'::json)
               FROM (SELECT ${TEAM_COLUMNS}, name AS sort FROM teams WHERE active) t) AS teams,
            ${POLICY_JSON} AS policy`,
  );
  const found = rows[0];
  if (!found?.policy) throw new Error('the policy row is missing');
  return { teams: found.teams.map(({ sort: _sort, ...team }) => team), policy: found.policy };
}

// Named: its plan is the PM's index whatever the dates (one PM's rows).
const PM_BUSY_AND_VERSION = namedStatement(
  `SELECT f.v, f.called, ${jsonRows(pmBusySql('$1', '$2', '$3', '$4', '$5'))} AS busy FROM (${FIGURES_VERSION_SELECT}) f`,
);

/**
 * The PM's busy days over the range (fresh: they differ per PM) and the figures version, which the kept team
 * windows are checked against: one statement.
 */
export async function loadPmBusyAndVersion(
  m: EntityManager,
  pmId: string | null,
  from: string,
  to: string,
  scope: Pick<FactsScope, 'excludeRequestId' | 'excludePlacementId'> = {},
): Promise<{ version: string; pmBusy: DateRange[] }> {
  const rows: Array<FiguresVersionRow & { busy: BusyRow[] }> = await m.query(asQuery(PM_BUSY_AND_VERSION), [
    pmId,
    from,
    to,
    scope.excludePlacementId ?? null,
    scope.excludeRequestId ?? null,
  ]);
  return { version: figuresVersionOf(rows[0]), pmBusy: toBusy(rows[0]?.busy ?? []) };
}

/** Rows of a subquery as a JSON array (empty, not null, when there are none). */
function jsonRows(sql: string): string {
  return `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x)`;
}

/** The three range reads of the booking facts as one SELECT, each placeholder given as SQL. */
function bookingRangesSql(teams: string, from: string, to: string, pm: string, placement: string, request: string) {
  return `SELECT ${jsonRows(blackoutsSql(teams, from, to))} AS blackouts,
            ${jsonRows(pmBusySql(pm, from, to, placement, request))} AS pm_busy,
            ${jsonRows(teamBookingsSql(teams, from, to, placement, request))} AS team_bookings`;
}

type RangesRow = { blackouts: BlackoutRow[]; pm_busy: BusyRow[]; team_bookings: BookingRow[] };

/**
 * Everything the pure rules need to judge one candidate booking. The three
 * range reads go in one statement (one snapshot, one round trip): a booking
 * makes them while it holds its team's row lock, so every round trip there
 * is one more wait for the bookings queued behind it. Ranges `readAhead` for
 * exactly this scope (`lockRequestWithFacts`) are used instead of reading.
 */
export async function loadBookingFacts(
  m: EntityManager,
  team: TeamRow,
  scope: FactsScope,
  now: Date,
  known?: Policy,
  readAhead?: ReadAheadRanges | null,
): Promise<BookingFacts> {
  const ranges = readAhead && coversScope(readAhead, team, scope) ? readAhead.ranges : await readRanges(m, team, scope);
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

/** Whether ranges read ahead were read for this very scope (else they are read again). */
function coversScope(readAhead: ReadAheadRanges, team: TeamRow, scope: FactsScope): boolean {
  const s = readAhead.scope;
  return (
    s.teamId === team.id &&
    s.pmId === scope.pmId &&
    s.from === scope.from &&
    s.to === scope.to &&
    s.excludeRequestId === (scope.excludeRequestId ?? null) &&
    !scope.excludePlacementId
  );
}

async function readRanges(m: EntityManager, team: TeamRow, scope: FactsScope): Promise<RangesRow> {
  const rows: RangesRow[] = await m.query(bookingRangesSql('$1', '$2', '$3', '$4', '$5', '$6'), [
    [team.id],
    scope.from,
    scope.to,
    // Without a PM (a team's own facts) `pm_id = NULL` matches nothing: no busy days.
    scope.pmId,
    scope.excludePlacementId ?? null,
    scope.excludeRequestId ?? null,
  ]);
  const ranges = rows[0];
  if (!ranges) throw new Error('the booking facts read returned no row');
  return ranges;
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
