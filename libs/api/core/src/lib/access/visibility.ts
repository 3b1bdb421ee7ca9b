import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * Stint's one visibility rule. A rotation (request, placement, check-in) is
 * seen by its PM, by the PM's line manager, by the host team's manager, and
 * by every admin; a person by themselves, their line manager and admins.
 * Every list and lookup builds its filter here, so the rule is written once.
 */

/** The people around one rotation, to decide what a caller may see and do. */
export interface Parties {
  pmId: string;
  lineManagerId: string | null;
  hostManagerId: string;
}

export function canSee(caller: AuthenticatedUser, parties: Parties): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role === 'manager') return parties.lineManagerId === caller.id || parties.hostManagerId === caller.id;
  return parties.pmId === caller.id;
}

/**
 * The table aliases a query gives the rotation's PM (a `users` row) and host
 * team (a `teams` row), and, when it has one, the rotation row itself (a
 * placement or request, with `pm_id` and `team_id`). With `row`, a manager's
 * filter is written on that row's own columns, which its indexes serve.
 */
export interface RotationAliases {
  pm: string;
  team: string;
  row?: string;
  /**
   * The table `row` reads (`placements`, `rotation_requests`). With it, a
   * manager's filter becomes "the row is one of the ids my rule selects",
   * computed first: for a page ordered by date, PostgreSQL would otherwise walk
   * the date index and test every row in the table until it had filled the page.
   */
  table?: string;
}

const DEFAULT_ALIASES: RotationAliases = { pm: 'pm', team: 't' };
/** The usual aliases of a placements query: `p`, its PM `pm`, its team `t`. */
export const PLACEMENT_ALIASES: RotationAliases = { pm: 'pm', team: 't', row: 'p' };
/** The usual aliases of a rotation requests query: `r`, its PM `pm`, its team `t`. */
export const REQUEST_ALIASES: RotationAliases = { pm: 'pm', team: 't', row: 'r' };
/** PLACEMENT_ALIASES for a page of placements ordered by date (see `RotationAliases.table`). */
export const PLACEMENT_PAGE_ALIASES: RotationAliases = { ...PLACEMENT_ALIASES, table: 'placements' };
/** REQUEST_ALIASES for a page of requests ordered by date (see `RotationAliases.table`). */
export const REQUEST_PAGE_ALIASES: RotationAliases = { ...REQUEST_ALIASES, table: 'rotation_requests' };

/** A WHERE fragment with its parameters, in one of the two parameter styles. */
export interface SqlFilter {
  sql: string;
  params: Record<string, string>;
}

/**
 * Which rotations the caller sees, for TypeORM's query builder (named
 * parameter `:viewer`). The query must join the PM and the host team under
 * the given aliases.
 */
export function visibleRotations(
  caller: AuthenticatedUser,
  aliases: RotationAliases = DEFAULT_ALIASES,
  param = 'viewer',
): SqlFilter {
  const sql = rotationRule(caller, aliases, `:${param}`);
  return { sql, params: caller.role === 'admin' ? {} : { [param]: caller.id } };
}

/**
 * The same rule for raw SQL, with the caller's id as positional parameter
 * `$n`. The parameter is referenced for every role (an admin's fragment is
 * `$n::uuid IS NOT NULL`), so PostgreSQL can type it whichever branch applies.
 */
export function visibleRotationsSql(
  caller: AuthenticatedUser,
  position: number,
  aliases: RotationAliases = DEFAULT_ALIASES,
): string {
  return caller.role === 'admin' ? `$${position}::uuid IS NOT NULL` : rotationRule(caller, aliases, `$${position}`);
}

function rotationRule(caller: AuthenticatedUser, a: RotationAliases, viewer: string): string {
  switch (caller.role) {
    case 'admin':
      return 'TRUE';
    case 'manager':
      return managedRotations(viewer, a);
    default:
      return `${a.row ? `${a.row}.pm_id` : `${a.pm}.id`} = ${viewer}`;
  }
}

/**
 * The rotations a manager `viewer` sees: their reports' and their teams'
 * (`viewer` is a parameter like `$1`). Written as "the PM is one of my
 * reports or the team one of mine", each side an array computed once, so that
 * PostgreSQL can answer it from the rotation table's indexes on `pm_id` and
 * `team_id` (a BitmapOr) instead of reading every row to test two joined
 * tables. `pm.manager_id = v OR t.manager_id = v` would say the same thing, but
 * no index can serve an OR across two joined tables.
 */
export function managedRotations(viewer: string, a: RotationAliases = DEFAULT_ALIASES): string {
  if (a.row && a.table) {
    const rule = managedRotations(viewer, { pm: a.pm, team: a.team, row: 'vr' });
    return `${a.row}.id = ANY(ARRAY(SELECT vr.id FROM ${a.table} vr WHERE ${rule}))`;
  }
  const pmId = a.row ? `${a.row}.pm_id` : `${a.pm}.id`;
  const teamId = a.row ? `${a.row}.team_id` : `${a.team}.id`;
  return (
    `(${pmId} = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = ${viewer}))` +
    ` OR ${teamId} = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = ${viewer})))`
  );
}

/**
 * For a manager, "check-in `checkIn` belongs to a placement they see", as a
 * set computed once (` AND c.placement_id = ANY(ARRAY(…))`); empty for other
 * roles. Added beside the usual join to the placement: PostgreSQL cannot tell
 * how few placements a manager's rule selects, and would otherwise read every
 * check-in to join them; with it, it probes the check-ins' placement index.
 */
export function managedCheckInsSql(caller: AuthenticatedUser, position: number, checkIn = 'c'): string {
  if (caller.role !== 'manager') return '';
  return ` AND ${placementOfManaged(`$${position}`, checkIn)}`;
}

/** managedCheckInsSql for the query builder (`:viewer`); `TRUE` for other roles. */
export function managedCheckIns(caller: AuthenticatedUser, checkIn = 'c', param = 'viewer'): SqlFilter {
  if (caller.role !== 'manager') return { sql: 'TRUE', params: {} };
  return { sql: placementOfManaged(`:${param}`, checkIn), params: { [param]: caller.id } };
}

function placementOfManaged(viewer: string, checkIn: string): string {
  const rule = managedRotations(viewer, { pm: 'pm', team: 't', row: 'vp' });
  return `${checkIn}.placement_id = ANY(ARRAY(SELECT vp.id FROM placements vp WHERE ${rule}))`;
}

/**
 * Pending requests whose next step a manager `viewer` decides: releasing
 * their report (`pending_manager`) or hosting in their team (`pending_host`).
 * `request` is the alias of the `rotation_requests` row.
 */
export function awaitingDecisionBy(
  viewer: string,
  a: RotationAliases & { request: string } = { ...DEFAULT_ALIASES, request: 'r' },
): string {
  return `((${a.request}.status = 'pending_manager' AND ${a.pm}.manager_id = ${viewer}) OR (${a.request}.status = 'pending_host' AND ${a.team}.manager_id = ${viewer}))`;
}

/** Which people the caller sees (a `users` row under `alias`), for the query builder. */
export function visiblePeople(caller: AuthenticatedUser, alias = 'u', param = 'viewer'): SqlFilter {
  switch (caller.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'manager':
      return { sql: `(${alias}.id = :${param} OR ${alias}.manager_id = :${param})`, params: { [param]: caller.id } };
    default:
      return { sql: `${alias}.id = :${param}`, params: { [param]: caller.id } };
  }
}
