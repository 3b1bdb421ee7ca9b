import {
  fromDayNumber,
  isoWeekdayOfDayNumber,
  maxDate,
  toDayNumber,
  type HolidayCalendar,
  type IsoDate,
} from '@stint/shared-dates';
import type { Policy } from './policy';
import {
  blackoutAppliesTo,
  dailyLoad,
  earliestStart,
  isDurationInPolicy,
  type BlackoutRange,
  type DateRange,
} from './rules';

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
  /** The team's public holidays. */
  isHoliday: HolidayCalendar;
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
 * For each team, up to `limit` start dates from which a stint of
 * `durationWeeks` passes every booking rule a newly chosen start must pass:
 * a business day of the team (no weekend, none of its public holidays), at
 * least the policy's lead time after the team's today and no earlier than
 * `earliestStart`, ending no later than `latestEnd`, with no blackout, no
 * clash with the PM and a free place every day. The team's earliest such
 * start comes first; after it, one start per ISO week, the earliest feasible
 * day of that week (its first business day when that one is free), so the
 * choices are distinct weeks rather than near-duplicates a day apart. Sorted
 * by start date, then team name.
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
    const from = maxDate(q.earliestStart, earliestStart(team.today, q.policy.minLeadDays, team.isHoliday));
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
    let lastWeek = Number.NEGATIVE_INFINITY;
    for (let start = 0; start <= lastStart - first; start++) {
      if (start > 0) {
        blockedInWindow += (blocked[start + length - 1] ?? 0) - (blocked[start - 1] ?? 0);
      }
      if (blockedInWindow !== 0) continue;
      const day = first + start;
      const weekday = isoWeekdayOfDayNumber(day);
      // The Monday's day number names the ISO week.
      const week = day - (weekday - 1);
      if (week === lastWeek || weekday >= 6) continue;
      const date = fromDayNumber(day);
      if (team.isHoliday(date)) continue;
      lastWeek = week;
      slots.push({
        teamId: team.id,
        teamName: team.name,
        startDate: date,
        endDate: fromDayNumber(first + start + length - 1),
      });
      if (++found >= limit) break;
    }
  }

  return sortSlots(slots);
}

/** Slots earliest first, then by team name and id: the order a slot search answers in. */
export function sortSlots<T extends Slot>(slots: T[]): T[] {
  return slots.sort(
    (a, b) => compare(a.startDate, b.startDate) || compare(a.teamName, b.teamName) || compare(a.teamId, b.teamId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
