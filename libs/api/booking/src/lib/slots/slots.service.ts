import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, Clock, FiguresCache, LATEST_DATE, loadPolicy } from '@stint/api-core';
import type { AvailabilityDay, SlotSuggestion } from '@stint/contracts';
import { dailyLoad, findSlots, sortSlots } from '@stint/scheduling';
import { addDays, diffDays, eachDay, maxDate, todayIn } from '@stint/shared-dates';
import { DataSource, EntityManager } from 'typeorm';
import {
  loadActiveTeams,
  loadBlackouts,
  loadPmBusy,
  loadTeam,
  loadTeamBookings,
  teamHolidays,
} from '../rules/booking-facts.queries';

export interface SlotSearch {
  durationWeeks: number;
  earliestStart: string;
  latestEnd: string;
  teamIds?: string[];
  pmId: string | null;
  limit: number;
  /** Leave out the request or placement being moved, so it does not block its own new dates. */
  excludeRequestId?: string;
  excludePlacementId?: string;
}

/** The first pass of a slot search looks this many weeks ahead (see `search`). */
const FIRST_PASS_WEEKS = 16;

type ActiveTeam = Awaited<ReturnType<typeof loadActiveTeams>>[number];
type ProgrammePolicyRow = Awaited<ReturnType<typeof loadPolicy>>;

/** Windows of every team's bookings kept at once (each up to a few MB at programme scale). */
const KEPT_BOOKING_WINDOWS = 8;

@Injectable()
export class SlotsService {
  /**
   * The teams' bookings over a search's window, kept until the next write: every PM's default search (all
   * teams, from today, two years) reads the same 20,000 bookings, which took most of its time to fetch and parse.
   */
  private readonly bookings: FiguresCache;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    this.bookings = FiguresCache.holding(KEPT_BOOKING_WINDOWS, db, clock);
  }

  /**
   * Earliest feasible slots per team that pass every rule for that PM.
   *
   * In two passes, so that a search across every team over two years does not
   * read two years of every team's bookings: first the next FIRST_PASS_WEEKS
   * weeks (plus the rotation's length) for all teams; then the whole window
   * only for the teams that found fewer than `limit` there. The answer is the
   * same as one pass over the whole window: slots are found earliest first,
   * and a slot that fits the shorter window fits the longer one.
   */
  async search(input: SlotSearch, m: EntityManager = this.db.manager): Promise<SlotSuggestion[]> {
    // Stint works with dates up to 2100-12-31 only: no slot is offered beyond it.
    const search = { ...input, latestEnd: input.latestEnd > LATEST_DATE ? LATEST_DATE : input.latestEnd };
    if (search.earliestStart > search.latestEnd) return [];
    const teams = await loadActiveTeams(m, search.teamIds);
    if (!teams.length) return [];
    const policy = await loadPolicy(m);
    const from = maxDate(search.earliestStart, todayIn('UTC', this.clock.now()));
    const horizon = addDays(from, 7 * (FIRST_PASS_WEEKS + search.durationWeeks));
    if (horizon >= search.latestEnd) return this.searchIn(m, teams, search, policy);
    const first = await this.searchIn(m, teams, { ...search, latestEnd: horizon }, policy);
    const found = new Map<string, number>();
    for (const slot of first) found.set(slot.teamId, (found.get(slot.teamId) ?? 0) + 1);
    const short = teams.filter((t) => (found.get(t.id) ?? 0) < search.limit);
    if (!short.length) return first;
    const shortIds = new Set(short.map((t) => t.id));
    const rest = await this.searchIn(m, short, search, policy);
    // Each pass answers in order; the merge of the two is sorted again.
    return sortSlots([...first.filter((slot) => !shortIds.has(slot.teamId)), ...rest]);
  }

  /** One pass of `search` over these teams and the search's window. */
  private async searchIn(
    m: EntityManager,
    teams: ActiveTeam[],
    search: SlotSearch,
    policy: ProgrammePolicyRow,
  ): Promise<SlotSuggestion[]> {
    const ids = teams.map((t) => t.id);
    const exclude = {
      excludeRequestId: search.excludeRequestId ?? null,
      excludePlacementId: search.excludePlacementId ?? null,
    };
    const load = () => loadTeamBookings(m, ids, search.earliestStart, search.latestEnd, exclude);
    // Kept only when read outside a transaction and for no move (a move leaves out its own booking).
    const shared = m === this.db.manager && !exclude.excludeRequestId && !exclude.excludePlacementId;
    const [blackouts, bookings, pmBusy] = await Promise.all([
      loadBlackouts(m, ids, search.earliestStart, search.latestEnd),
      shared
        ? this.bookings.remember(`bookings:${search.earliestStart}:${search.latestEnd}:${ids.join(',')}`, load)
        : load(),
      search.pmId ? loadPmBusy(m, search.pmId, search.earliestStart, search.latestEnd, exclude) : Promise.resolve([]),
    ]);
    const now = this.clock.now();
    return findSlots(
      teams.map((t) => ({
        id: t.id,
        name: t.name,
        capacity: t.capacity,
        active: t.active,
        blackouts: blackouts.filter((b) => b.teamId === null || b.teamId === t.id),
        bookings: bookings.get(t.id) ?? [],
        today: todayIn(t.timezone, now),
        isHoliday: teamHolidays(t),
      })),
      {
        durationWeeks: search.durationWeeks,
        earliestStart: search.earliestStart,
        latestEnd: search.latestEnd,
        limit: search.limit,
        pmBusy,
        policy,
      },
    );
  }

  /** Next free slots in one team, for a CAPACITY_FULL answer: from the wanted start, up to a year on. */
  async suggestFor(
    teamId: string,
    pmId: string,
    startDate: string,
    durationWeeks: number,
    exclude: { excludeRequestId?: string; excludePlacementId?: string } = {},
  ): Promise<SlotSuggestion[]> {
    const team = await loadTeam(this.db.manager, teamId);
    if (!team) return [];
    const earliest = maxDate(startDate, todayIn(team.timezone, this.clock.now()));
    return this.search({
      durationWeeks,
      earliestStart: earliest,
      latestEnd: addDays(earliest, 365 + 7 * durationWeeks),
      teamIds: [teamId],
      pmId,
      limit: 3,
      ...exclude,
    });
  }

  async availability(teamId: string, from: string, to: string): Promise<AvailabilityDay[]> {
    if (to < from) throw ApiError.validation({ to: 'to must be on or after from' });
    if (diffDays(from, to) > 365) throw ApiError.validation({ to: 'the range may span at most 366 days' });
    const m = this.db.manager;
    const team = await loadTeam(m, teamId);
    if (!team) throw ApiError.notFound('team', teamId);
    const [blackouts, bookings] = await Promise.all([
      loadBlackouts(m, [teamId], from, to),
      loadTeamBookings(m, [teamId], from, to),
    ]);
    const load = dailyLoad(bookings.get(teamId) ?? [], from, to);
    return eachDay(from, to).map((date, i) => ({
      date,
      booked: load[i] ?? 0,
      capacity: team.capacity,
      blackout: blackouts.some((b) => b.startsOn <= date && date <= b.endsOn),
    }));
  }
}
