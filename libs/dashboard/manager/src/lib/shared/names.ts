import type { Team, User } from '@stint/contracts';

/**
 * A person's name where the viewer may see it. A host-team manager cannot
 * list PMs from other lines, so those show as a short id rather than nothing.
 */
export function personName(users: ReadonlyMap<string, User>, id: string | null | undefined, role = 'PM'): string {
  if (!id) return '—';
  return users.get(id)?.name ?? `${role} ${id.slice(0, 8)}`;
}

export function teamName(teams: ReadonlyMap<string, Team>, id: string | null | undefined): string {
  if (!id) return '—';
  return teams.get(id)?.name ?? `Team ${id.slice(0, 8)}`;
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
