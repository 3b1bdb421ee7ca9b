/**
 * The waitlist screen's pure parts: an admin's move up or down as the full new
 * order the API asks for, and what the status column says about each entry.
 */
import type { Page, TeamWaitlist, WaitlistEntry } from '@stint/contracts';
import { formatInstant, timeLeft } from '@stint/dashboard-ui';

/** A team's waitlist as one whole page of the list table, with the team it belongs to. */
export interface WaitlistView extends Page<WaitlistEntry> {
  teamId: string;
  teamName: string;
  capacity: number;
}

export function toView(list: TeamWaitlist): WaitlistView {
  const { items, ...team } = list;
  return { ...team, items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** Nobody picked, or no team to pick from. */
export const NO_TEAM: WaitlistView = {
  teamId: '',
  teamName: '',
  capacity: 0,
  items: [],
  total: 0,
  page: 1,
  pageSize: 1,
};

export type Direction = 'up' | 'down';

/**
 * The line's request ids after moving one request a place up (towards the front) or down; offers out are
 * not in the line and are left out. Null when the move is not possible (first moving up, last moving down,
 * or not in the line).
 */
export function moveInLine(items: readonly WaitlistEntry[], requestId: string, direction: Direction): string[] | null {
  const line = items.filter((e) => e.status === 'waitlisted').map((e) => e.requestId);
  const from = line.indexOf(requestId);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= line.length) return null;
  const order = [...line];
  [order[from], order[to]] = [order[to] as string, order[from] as string];
  return order;
}

/** Whether the entry can move that way: in the line, and not already at that end of it. */
export function canMove(items: readonly WaitlistEntry[], entry: WaitlistEntry, direction: Direction): boolean {
  return moveInLine(items, entry.requestId, direction) !== null;
}

/** The status column: an offer's hold and the time left on it, or the place in line. */
export function entryStatus(entry: WaitlistEntry, timeZone: string, now: number): string {
  if (entry.status === 'offered') {
    const left = timeLeft(entry.offerExpiresAt, now);
    return `Held until ${formatInstant(entry.offerExpiresAt, timeZone)}${left ? ` (${left})` : ''}`;
  }
  return entry.waitlistPosition === 1 ? 'Next in line' : `Waiting, number ${entry.waitlistPosition} in line`;
}
