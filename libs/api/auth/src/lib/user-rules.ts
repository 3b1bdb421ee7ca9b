import type { UserRole } from '@stint/contracts';

/*
 * The rules about line managers and roles, as pure functions: the users
 * service applies them to one user, the bulk import (`@stint/api-identity`)
 * to a whole file at once, with the same words.
 */

/** Only managers and admins may have reports or manage teams. */
export function mayHaveReports(role: UserRole): boolean {
  return role === 'manager' || role === 'admin';
}

/** Why `manager` cannot be someone's line manager, or null when they can. */
export function notAManager(manager: { name: string; role: UserRole }): string | null {
  return mayHaveReports(manager.role) ? null : `${manager.name} is a ${manager.role}, not a manager`;
}

/** Why a user cannot go from `from` to `to` while they have `reports` and `teams`, or null when they can. */
export function keepsReportsOrTeams(from: UserRole, to: UserRole, reports: number, teams: number): string | null {
  if (to === from || to !== 'pm' || !mayHaveReports(from) || (reports === 0 && teams === 0)) return null;
  return `This ${from} still has reports or teams; move them to another manager first.`;
}

export const LAST_ADMIN_MESSAGE = 'Stint needs at least one active admin: make someone else an admin first.';
export const OWN_MANAGER_MESSAGE = 'a user cannot be their own line manager';
