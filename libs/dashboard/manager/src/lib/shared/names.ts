import type { Team, User } from '@stint/contracts';

/**
 * A person's name where the viewer may see it. A host-team manager cannot
 * list PMs from other lines, so those show as a short id rather than nothing.
 */
export function personName(users: ReadonlyMap<string, User>, id: string | null | undefined, role = 'PM'): string {
  if (!id) return '—';
  return users.get(id)?.name ?? knownNames.get(id) ?? `${role} ${id.slice(0, 8)}`;
}

/**
 * Names learned from requests and placements (the API adds `pmName`, and each approval's `byName`), for
 * people outside the viewer's user list.
 */
const knownNames = new Map<string, string>();

type Named = { pmId?: unknown; pmName?: unknown; approvals?: unknown };

function learn(id: unknown, name: unknown): void {
  if (typeof id === 'string' && typeof name === 'string' && name) knownNames.set(id, name);
}

/** Records the names carried by a response (PMs', approvers'): one item, an array, or a page `{ items }`. */
export function rememberNames<T>(response: T): T {
  const value: unknown = response;
  const paged = value !== null && typeof value === 'object' ? (value as { items?: unknown }).items : undefined;
  const items: unknown[] = Array.isArray(value) ? value : Array.isArray(paged) ? paged : [value];
  for (const item of items) {
    const { pmId, pmName, approvals } = (item ?? {}) as Named;
    learn(pmId, pmName);
    if (Array.isArray(approvals)) {
      for (const approval of approvals) {
        const { byId, byName } = (approval ?? {}) as { byId?: unknown; byName?: unknown };
        learn(byId, byName);
      }
    }
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
