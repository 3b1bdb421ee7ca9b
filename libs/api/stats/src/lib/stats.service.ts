import { Injectable } from '@nestjs/common';
import { ApiError, AuthenticatedUser, Clock, FiguresCache, PreparedJson } from '@stint/api-core';
import type { CapacityWeek, StatsOverview } from '@stint/contracts';
import { dailyLoad } from '@stint/scheduling';
import { addDays, diffDays, weekStart } from '@stint/shared-dates';
import { StatsRepository } from './stats.repository';

function mean(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
}

/** Dashboard figures over what the caller can see, each in a few aggregate queries (never a query per row). */
@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly clock: Clock,
    private readonly figures: FiguresCache,
  ) {}

  overview(caller: AuthenticatedUser, from: string | undefined, to: string | undefined): Promise<StatsOverview> {
    return this.figures.get(caller, `overview:${from ?? ''}:${to ?? ''}`, () => this.computeOverview(caller, from, to));
  }

  private async computeOverview(
    caller: AuthenticatedUser,
    from: string | undefined,
    to: string | undefined,
  ): Promise<StatsOverview> {
    const rows = await this.stats.overview(caller, this.clock.now(), from ?? null, to ?? null);
    const c = rows.checkIns;
    const due = c.completed + c.overdue;
    const changes = rows.ratingChanges;
    const avgWeeks = rows.placements.avg_weeks;
    return {
      pendingApprovals: rows.pending.n,
      activePlacements: rows.placements.active,
      upcomingCheckIns7d: c.upcoming,
      overdueCheckIns: c.overdue,
      checkInCompletionRate: due ? Math.round((c.completed / due) * 1000) / 1000 : null,
      averageDurationWeeks: avgWeeks === null ? null : Math.round(avgWeeks * 100) / 100,
      skillChange: {
        negotiation: mean(changes.map((r) => Number(r.negotiation))),
        closing: mean(changes.map((r) => Number(r.closing))),
        persistence: mean(changes.map((r) => Number(r.persistence))),
      },
    };
  }

  /** Per team and ISO week (Monday): the most placements on any day of that week, beside capacity. */
  async capacity(
    caller: AuthenticatedUser,
    from: string,
    to: string,
    scope: 'mine' | 'all' = 'mine',
  ): Promise<PreparedJson<CapacityWeek[]>> {
    if (to < from) throw ApiError.validation({ to: 'to must be on or after from' });
    if (diffDays(from, to) > 731) throw ApiError.validation({ to: 'the range may span at most 2 years' });
    // Kept as JSON: 200 teams × 12 weeks took longer to serialise on each request than to look up.
    return this.figures.getJson(caller, `capacity:${from}:${to}:${scope}`, () =>
      this.computeCapacity(caller, from, to, scope),
    );
  }

  private async computeCapacity(
    caller: AuthenticatedUser,
    from: string,
    to: string,
    scope: 'mine' | 'all',
  ): Promise<CapacityWeek[]> {
    const first = weekStart(from);
    const last = addDays(weekStart(to), 6);
    const teams = await this.stats.capacityTeams(caller, scope);
    if (!teams.length) return [];
    const rows = await this.stats.bookings(
      teams.map((t) => t.id),
      first,
      last,
    );
    const result: CapacityWeek[] = [];
    const weeks = Math.floor(diffDays(first, last) / 7) + 1;
    for (const team of teams) {
      const load = dailyLoad(
        rows.filter((r) => r.team_id === team.id).map((r) => ({ startDate: r.start_date, endDate: r.end_date })),
        first,
        last,
      );
      for (let w = 0; w < weeks; w++) {
        const week = load.slice(w * 7, w * 7 + 7);
        result.push({
          teamId: team.id,
          weekStart: addDays(first, w * 7),
          booked: week.length ? Math.max(...week) : 0,
          capacity: team.capacity,
        });
      }
    }
    return result;
  }
}
