import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, Clock, LATEST_DATE, loadPolicy } from '@stint/api-core';
import type { AvailabilityDay, SlotSuggestion } from '@stint/contracts';
import { dailyLoad, findSlots } from '@stint/scheduling';
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

@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Earliest feasible slots per team that pass every rule for that PM. */
  async search(input: SlotSearch, m: EntityManager = this.db.manager): Promise<SlotSuggestion[]> {
    // Stint works with dates up to 2100-12-31 only: no slot is offered beyond it.
    const search = { ...input, latestEnd: input.latestEnd > LATEST_DATE ? LATEST_DATE : input.latestEnd };
    if (search.earliestStart > search.latestEnd) return [];
    const teams = await loadActiveTeams(m, search.teamIds);
    if (!teams.length) return [];
    const ids = teams.map((t) => t.id);
    const exclude = {
      excludeRequestId: search.excludeRequestId ?? null,
      excludePlacementId: search.excludePlacementId ?? null,
    };
    const [policy, blackouts, bookings, pmBusy] = await Promise.all([
      loadPolicy(m),
      loadBlackouts(m, ids, search.earliestStart, search.latestEnd),
      loadTeamBookings(m, ids, search.earliestStart, search.latestEnd, exclude),
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
