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

/** The table aliases a query gives the rotation's PM (a `users` row) and host team (a `teams` row). */
export interface RotationAliases {
  pm: string;
  team: string;
}

const DEFAULT_ALIASES: RotationAliases = { pm: 'pm', team: 't' };

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
      return `${a.pm}.id = ${viewer}`;
  }
}

/** The rotations a manager `viewer` sees: their reports' and their teams' (`viewer` is a parameter like `$1`). */
export function managedRotations(viewer: string, a: RotationAliases = DEFAULT_ALIASES): string {
  return `(${a.pm}.manager_id = ${viewer} OR ${a.team}.manager_id = ${viewer})`;
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
