import type { AuthenticatedUser } from '@stint/api-core';

/**
 * Who may see a request or placement: the PM their own; a manager their
 * reports' and their teams'; an admin everything. Expects the PM joined as
 * `pm` and the team as `t`; returns SQL and its parameters.
 */
export function visibilitySql(
  caller: AuthenticatedUser,
  param = 'viewer',
): { sql: string; params: Record<string, string> } {
  switch (caller.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'manager':
      return { sql: `(pm.manager_id = :${param} OR t.manager_id = :${param})`, params: { [param]: caller.id } };
    default:
      return { sql: `pm.id = :${param}`, params: { [param]: caller.id } };
  }
}

/** The people around one request or placement, to decide what a caller may see and do. */
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
