import { fromDayNumber, maxDate, toDayNumber, type IsoDate } from '@stint/shared-dates';
import type { Policy } from './policy';
import { blackoutAppliesTo, dailyLoad, isDurationInPolicy, type BlackoutRange, type DateRange } from './rules';

export interface SlotTeam {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
  /** The team's blackouts and the global ones. */
  blackouts: BlackoutRange[];
  /** Booked placements of the team. */
  bookings: DateRange[];
  /** Today in the team's time zone. */
  today: IsoDate;
}

export interface SlotQuery {
  durationWeeks: number;
  earliestStart: IsoDate;
  /** The last day a slot may end on (inclusive). */
  latestEnd: IsoDate;
  /** At most this many slots per team. */
  limit: number;
  /** The PM's live placements and pending requests. */
  pmBusy: DateRange[];
  policy: Policy;
}

/** Same shape as an item of `GET /api/slots`. */
export interface Slot {
  teamId: string;
  teamName: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * For each team, the earliest `limit` start dates (any weekday) from which a
 * stint of `durationWeeks` passes every booking rule, capacity included,
 * starting no earlier than `earliestStart` or the team's today and ending no
 * later than `latestEnd`. Slots of one team may overlap each other: they are
 * alternatives, not a plan. Sorted by start date, then team name.
 *
 * Each team costs O(days in the window + its bookings and blackouts): a day
 * is blocked when it is in a blackout, the PM is busy, or the team is full,
 * and a window of 7 × weeks days slides over the days keeping a count of the
 * blocked ones in it.
 */
export function findSlots(teams: SlotTeam[], q: SlotQuery): Slot[] {
  const weeks = q.durationWeeks;
  const limit = Math.floor(q.limit);
  const latestEnd = toDayNumber(q.latestEnd);
  toDayNumber(q.earliestStart);
  if (!isDurationInPolicy(weeks, q.policy) || !(limit > 0)) return [];
  const length = 7 * weeks;

  const slots: Slot[] = [];
  for (const team of teams) {
    if (!team.active) continue;
    const from = maxDate(q.earliestStart, team.today);
    const first = toDayNumber(from);
    const lastStart = latestEnd - length + 1;
    if (lastStart < first) continue;

    const days = latestEnd - first + 1;
    const blackoutDays = dailyLoad(
      team.blackouts
        .filter((b) => blackoutAppliesTo(b, team.id))
        .map((b) => ({ startDate: b.startsOn, endDate: b.endsOn })),
      from,
      q.latestEnd,
    );
    const busyDays = dailyLoad(q.pmBusy, from, q.latestEnd);
    const bookedDays = dailyLoad(team.bookings, from, q.latestEnd);
    const blocked = new Uint8Array(days);
    for (let i = 0; i < days; i++) {
      blocked[i] =
        (blackoutDays[i] ?? 0) > 0 || (busyDays[i] ?? 0) > 0 || (bookedDays[i] ?? 0) >= team.capacity ? 1 : 0;
    }

    let blockedInWindow = 0;
    for (let i = 0; i < length; i++) blockedInWindow += blocked[i] ?? 0;
    let found = 0;
    for (let start = 0; start <= lastStart - first; start++) {
      if (start > 0) {
        blockedInWindow += (blocked[start + length - 1] ?? 0) - (blocked[start - 1] ?? 0);
      }
      if (blockedInWindow !== 0) continue;
      slots.push({
        teamId: team.id,
        teamName: team.name,
        startDate: fromDayNumber(first + start),
        endDate: fromDayNumber(first + start + length - 1),
      });
      if (++found >= limit) break;
    }
  }

  return slots.sort(
    (a, b) => compare(a.startDate, b.startDate) || compare(a.teamName, b.teamName) || compare(a.teamId, b.teamId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
