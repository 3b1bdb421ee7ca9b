import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, Clock, FiguresCache, LATEST_DATE } from '@stint/api-core';
import type { AvailabilityDay, SlotSuggestion } from '@stint/contracts';
import { dailyLoad, type DateRange, findSlots, type Policy as ProgrammePolicy, sortSlots } from '@stint/scheduling';
import { addDays, diffDays, eachDay, maxDate, todayIn } from '@stint/shared-dates';
import { DataSource } from 'typeorm';
import {
  loadActiveTeamsAndPolicy,
  loadBlackouts,
  loadPmBusyAndVersion,
  loadTeam,
  loadTeamBookings,
  loadTeamsWindow,
  teamHolidays,
  type TeamRow,
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

/** Windows of many teams kept at once (each up to a few MB at programme scale). */
const KEPT_WIDE_WINDOWS = 8;
/** Windows of a few teams (a refusal's suggestions, one team's search) kept at once. */
const KEPT_NARROW_WINDOWS = 200;
/** A window over more teams than this is a wide one. */
const NARROW_TEAMS = 10;

type Exclusions = Pick<SlotSearch, 'excludeRequestId' | 'excludePlacementId'>;

/** What a search has read before its passes: the figures version its kept reads are checked against, the PM's busy days. */
interface Fresh {
  version: string;
  pmBusy: DateRange[];
}

@Injectable()
export class SlotsService {
  /**
   * What a search reads of its teams, the same for every PM, kept until the next write: the active teams with the
   * policy, and each window's blackouts and places taken. Every PM's default search (all teams, from today, two
   * years) reads the same 20,000 bookings, and the refusals of a full team all ask for the same team's next year;
   * only the PM's own busy days are read each time (with the version, in one statement).
   */
  private readonly wide: FiguresCache;
  private readonly narrow: FiguresCache;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    this.wide = FiguresCache.holding(KEPT_WIDE_WINDOWS, db, clock);
    this.narrow = FiguresCache.holding(KEPT_NARROW_WINDOWS, db, clock);
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
  async search(input: SlotSearch, read?: Fresh): Promise<SlotSuggestion[]> {
    // Stint works with dates up to 2100-12-31 only: no slot is offered beyond it.
    const search = { ...input, latestEnd: input.latestEnd > LATEST_DATE ? LATEST_DATE : input.latestEnd };
    if (search.earliestStart > search.latestEnd) return [];
    const fresh =
      read ??
      (await loadPmBusyAndVersion(this.db.manager, search.pmId, search.earliestStart, search.latestEnd, search));
    const { teams: active, policy } = await this.activeTeams(fresh.version);
    const wanted = search.teamIds ? new Set(search.teamIds) : null;
    const teams = wanted ? active.filter((t) => wanted.has(t.id)) : active;
    if (!teams.length) return [];
    const from = maxDate(search.earliestStart, todayIn('UTC', this.clock.now()));
    const horizon = addDays(from, 7 * (FIRST_PASS_WEEKS + search.durationWeeks));
    const pass = (among: TeamRow[], latestEnd: string) => this.searchIn(among, { ...search, latestEnd }, policy, fresh);
    if (horizon >= search.latestEnd) return pass(teams, search.latestEnd);
    const first = await pass(teams, horizon);
    const found = new Map<string, number>();
    for (const slot of first) found.set(slot.teamId, (found.get(slot.teamId) ?? 0) + 1);
    const short = teams.filter((t) => (found.get(t.id) ?? 0) < search.limit);
    if (!short.length) return first;
    const shortIds = new Set(short.map((t) => t.id));
    const rest = await pass(short, search.latestEnd);
    // Each pass answers in order; the merge of the two is sorted again.
    return sortSlots([...first.filter((slot) => !shortIds.has(slot.teamId)), ...rest]);
  }

  /** Every active team and the policy, kept like the windows. */
  private activeTeams(version: string): Promise<{ teams: TeamRow[]; policy: ProgrammePolicy }> {
    return this.narrow.remember('active-teams', () => loadActiveTeamsAndPolicy(this.db.manager), version);
  }

  /** One pass of `search` over these teams and the search's window. */
  private async searchIn(
    teams: TeamRow[],
    search: SlotSearch,
    policy: ProgrammePolicy,
    fresh: Fresh,
  ): Promise<SlotSuggestion[]> {
    const ids = teams.map((t) => t.id);
    const cache = ids.length > NARROW_TEAMS ? this.wide : this.narrow;
    const window = await cache.remember(
      `window:${search.earliestStart}:${search.latestEnd}:${ids.join(',')}`,
      () => loadTeamsWindow(this.db.manager, ids, search.earliestStart, search.latestEnd),
      fresh.version,
    );
    const now = this.clock.now();
    return findSlots(
      teams.map((t) => ({
        id: t.id,
        name: t.name,
        capacity: t.capacity,
        active: t.active,
        blackouts: window.blackouts.filter((b) => b.teamId === null || b.teamId === t.id),
        bookings: withoutMoved(window.bookings.get(t.id) ?? [], search),
        today: todayIn(t.timezone, now),
        isHoliday: teamHolidays(t),
      })),
      {
        durationWeeks: search.durationWeeks,
        earliestStart: search.earliestStart,
        latestEnd: search.latestEnd,
        limit: search.limit,
        pmBusy: fresh.pmBusy,
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
    exclude: Exclusions = {},
  ): Promise<SlotSuggestion[]> {
    // The search starts on the wanted day or the team's today, whichever is later, and the team's today is a day
    // either side of UTC's: the PM's busy days are read over every window that can be, with the version.
    const now = this.clock.now();
    const todayUtc = todayIn('UTC', now);
    const span = 365 + 7 * durationWeeks;
    const fresh = await loadPmBusyAndVersion(
      this.db.manager,
      pmId,
      maxDate(startDate, addDays(todayUtc, -1)),
      addDays(maxDate(startDate, addDays(todayUtc, 1)), span),
      exclude,
    );
    const team = (await this.activeTeams(fresh.version)).teams.find((t) => t.id === teamId);
    if (!team) return [];
    const earliest = maxDate(startDate, todayIn(team.timezone, now));
    return this.search(
      {
        durationWeeks,
        earliestStart: earliest,
        latestEnd: addDays(earliest, span),
        teamIds: [teamId],
        pmId,
        limit: 3,
        ...exclude,
      },
      fresh,
    );
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

/** A window's places taken less the move's own booking (a kept window is read for every search, with none left out). */
function withoutMoved(
  bookings: Array<DateRange & { kind: 'placement' | 'offer'; id: string }>,
  exclude: Exclusions,
): DateRange[] {
  if (!exclude.excludePlacementId && !exclude.excludeRequestId) return bookings;
  return bookings.filter(
    (b) =>
      !(b.kind === 'placement' && b.id === exclude.excludePlacementId) &&
      !(b.kind === 'offer' && b.id === exclude.excludeRequestId),
  );
}
