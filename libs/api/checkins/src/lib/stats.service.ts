import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, AuthenticatedUser, Clock, visibleRotationsSql } from '@stint/api-core';
import type { CapacityWeek, StatsOverview } from '@stint/contracts';
import { addDays, dailyLoad, diffDays, weekStart } from '@stint/scheduling';
import { DataSource } from 'typeorm';

function scopeSql(caller: AuthenticatedUser): string {
  return visibleRotationsSql(caller, 1);
}

function mean(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
}

/** Dashboard figures over what the caller can see, each in a few aggregate queries (never a query per row). */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async overview(caller: AuthenticatedUser, from: string | undefined, to: string | undefined): Promise<StatsOverview> {
    const now = this.clock.now();
    const scope = scopeSql(caller);
    const range = `($3::date IS NULL OR p.end_date >= $3::date) AND ($4::date IS NULL OR p.start_date <= $4::date)`;
    const params = [caller.id, now.toISOString(), from ?? null, to ?? null];
    const [requests, placements, checkIns, ratings] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS n FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
          WHERE r.status IN ('pending_manager', 'pending_host') AND ${scope} AND $2::text IS NOT NULL AND ($3::date IS NULL OR r.end_date >= $3::date) AND ($4::date IS NULL OR r.start_date <= $4::date)`,
        params,
      ),
      this.db.query(
        `SELECT count(*) FILTER (WHERE p.cancelled_at IS NULL AND p.start_date <= ($2::timestamptz AT TIME ZONE t.timezone)::date
                                 AND p.end_date >= ($2::timestamptz AT TIME ZONE t.timezone)::date)::int AS active,
                avg(p.duration_weeks) FILTER (WHERE p.cancelled_at IS NULL)::float AS avg_weeks
           FROM placements p JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id WHERE ${scope} AND ${range}`,
        params,
      ),
      this.db.query(
        `SELECT count(*) FILTER (WHERE c.completed_at IS NULL AND c.scheduled_at >= $2::timestamptz AND c.scheduled_at < $2::timestamptz + interval '7 days')::int AS upcoming,
                count(*) FILTER (WHERE c.completed_at IS NULL AND c.scheduled_at + make_interval(hours => pol.overdue_after_hours) < $2::timestamptz)::int AS overdue,
                count(*) FILTER (WHERE c.completed_at IS NOT NULL)::int AS completed
           FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
           CROSS JOIN policy pol
          WHERE c.cancelled_at IS NULL AND p.cancelled_at IS NULL AND ${scope} AND ${range}`,
        params,
      ),
      // Per placement: last minus first completed rating, per skill.
      this.db.query(
        `SELECT p.id,
                (array_agg(c.rating_negotiation ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_negotiation ORDER BY c.completed_at ASC))[1] AS negotiation,
                (array_agg(c.rating_closing ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_closing ORDER BY c.completed_at ASC))[1] AS closing,
                (array_agg(c.rating_persistence ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_persistence ORDER BY c.completed_at ASC))[1] AS persistence
           FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
          WHERE c.completed_at IS NOT NULL AND ${scope} AND ${range} AND $2::text IS NOT NULL
          GROUP BY p.id HAVING count(*) >= 2`,
        params,
      ),
    ]);
    const c = checkIns[0] as { upcoming: number; overdue: number; completed: number };
    const due = c.completed + c.overdue;
    const rows = ratings as Array<{ negotiation: number; closing: number; persistence: number }>;
    return {
      pendingApprovals: (requests[0] as { n: number }).n,
      activePlacements: (placements[0] as { active: number }).active,
      upcomingCheckIns7d: c.upcoming,
      overdueCheckIns: c.overdue,
      checkInCompletionRate: due ? Math.round((c.completed / due) * 1000) / 1000 : null,
      averageDurationWeeks:
        (placements[0] as { avg_weeks: number | null }).avg_weeks === null
          ? null
          : Math.round((placements[0] as { avg_weeks: number }).avg_weeks * 100) / 100,
      skillChange: {
        negotiation: mean(rows.map((r) => Number(r.negotiation))),
        closing: mean(rows.map((r) => Number(r.closing))),
        persistence: mean(rows.map((r) => Number(r.persistence))),
      },
    };
  }

  /** Per team and ISO week (Monday): the most placements on any day of that week, beside capacity. */
  async capacity(caller: AuthenticatedUser, from: string, to: string): Promise<CapacityWeek[]> {
    if (to < from) throw ApiError.validation({ to: 'to must be on or after from' });
    if (diffDays(from, to) > 731) throw ApiError.validation({ to: 'the range may span at most 2 years' });
    const first = weekStart(from);
    const last = addDays(weekStart(to), 6);
    const teams: Array<{ id: string; capacity: number }> = await this.db.query(
      caller.role === 'admin' || caller.role === 'pm'
        ? `SELECT id, capacity FROM teams WHERE active OR $1::uuid IS NOT NULL ORDER BY name`
        : `SELECT DISTINCT t.id, t.capacity, t.name FROM teams t WHERE t.manager_id = $1
           OR EXISTS (SELECT 1 FROM placements p JOIN users pm ON pm.id = p.pm_id WHERE p.team_id = t.id AND pm.manager_id = $1) ORDER BY t.name`,
      [caller.id],
    );
    if (!teams.length) return [];
    const rows: Array<{ team_id: string; start_date: string; end_date: string }> = await this.db.query(
      `SELECT team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM placements
        WHERE cancelled_at IS NULL AND team_id = ANY($1::uuid[]) AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')`,
      [teams.map((t) => t.id), first, last],
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
