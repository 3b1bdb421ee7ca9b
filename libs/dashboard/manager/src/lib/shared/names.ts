import type { Team, User } from '@stint/contracts';

/**
 * A person's name where the viewer may see it. A host-team manager cannot
 * list PMs from other lines, so those show as a short id rather than nothing.
 */
export function personName(users: ReadonlyMap<string, User>, id: string | null | undefined, role = 'PM'): string {
  if (!id) return '—';
  return users.get(id)?.name ?? knownNames.get(id) ?? `${role} ${id.slice(0, 8)}`;
}

/** PM names learned from requests and placements (the API adds `pmName`), for people outside the viewer's user list. */
const knownNames = new Map<string, string>();

type Named = { pmId?: unknown; pmName?: unknown };

/** Records the PM names carried by a response: one item, an array, or a page `{ items }`. */
export function rememberNames<T>(response: T): T {
  const value: unknown = response;
  const paged = value !== null && typeof value === 'object' ? (value as { items?: unknown }).items : undefined;
  const items: unknown[] = Array.isArray(value) ? value : Array.isArray(paged) ? paged : [value];
  for (const item of items) {
    const { pmId, pmName } = (item ?? {}) as Named;
    if (typeof pmId === 'string' && typeof pmName === 'string' && pmName) knownNames.set(pmId, pmName);
  }
  return response;
}

export function teamName(teams: ReadonlyMap<string, Team>, id: string | null | undefined): string {
  if (!id) return '—';
  return teams.get(id)?.name ?? `Team ${id.slice(0, 8)}`;
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
