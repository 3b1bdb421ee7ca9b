import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthenticatedUser,
  managedCheckInsSql,
  PLACEMENT_ALIASES,
  REQUEST_ALIASES,
  visibleRotationsSql,
} from '@stint/api-core';
import { DataSource } from 'typeorm';

/** The raw figures of the overview, each from one aggregate query over what the caller can see. */
export interface OverviewRows {
  pending: { n: number };
  placements: { active: number; avg_weeks: number | null };
  checkIns: { upcoming: number; overdue: number; completed: number };
  /** Per placement with two or more completed PM check-ins (the pulse is the line manager's view): last minus first rating, per skill. */
  ratingChanges: Array<{ negotiation: number; closing: number; persistence: number }>;
}

/** The SQL behind the dashboard figures: a few aggregate queries, never a query per row. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overview(caller: AuthenticatedUser, now: Date, from: string | null, to: string | null): Promise<OverviewRows> {
    const scope = visibleRotationsSql(caller, 1, PLACEMENT_ALIASES);
    const requestScope = visibleRotationsSql(caller, 1, REQUEST_ALIASES);
    // A manager's check-ins, also named by placement id (managedCheckInsSql says why).
    const theirCheckIns = managedCheckInsSql(caller, 1);
    const range = `($3::date IS NULL OR p.end_date >= $3::date) AND ($4::date IS NULL OR p.start_date <= $4::date)`;
    const params = [caller.id, now.toISOString(), from, to];
    // Visibility is on the rotation's own columns (PLACEMENT_ALIASES, REQUEST_ALIASES): no PM or team joins needed.
    // A PM's figures are what they can act on: a pulse is their line manager's to give.
    const pmOwn = caller.role === 'pm' ? `AND c.kind <> 'pulse'` : '';
    const [requests, placements, checkIns, ratings] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS n FROM rotation_requests r
          WHERE r.status IN ('pending_manager', 'pending_host') AND ${requestScope} AND $2::text IS NOT NULL AND ($3::date IS NULL OR r.end_date >= $3::date) AND ($4::date IS NULL OR r.start_date <= $4::date)`,
        params,
      ),
      this.db.query(
        `SELECT count(*) FILTER (WHERE p.cancelled_at IS NULL AND p.start_date <= ($2::timestamptz AT TIME ZONE t.timezone)::date
                                 AND p.end_date >= ($2::timestamptz AT TIME ZONE t.timezone)::date)::int AS active,
                avg(p.duration_weeks) FILTER (WHERE p.cancelled_at IS NULL)::float AS avg_weeks
           FROM placements p JOIN teams t ON t.id = p.team_id WHERE ${scope} AND ${range}`,
        params,
      ),
      this.db.query(
        `SELECT count(*) FILTER (WHERE c.completed_at IS NULL AND c.scheduled_at >= $2::timestamptz AND c.scheduled_at < $2::timestamptz + interval '7 days')::int AS upcoming,
                count(*) FILTER (WHERE c.completed_at IS NULL AND c.scheduled_at + make_interval(hours => pol.overdue_after_hours) < $2::timestamptz)::int AS overdue,
                count(*) FILTER (WHERE c.completed_at IS NOT NULL)::int AS completed
           FROM check_ins c JOIN placements p ON p.id = c.placement_id
           CROSS JOIN policy pol
          WHERE c.cancelled_at IS NULL AND p.cancelled_at IS NULL AND ${scope} AND ${range} ${pmOwn} ${theirCheckIns}`,
        params,
      ),
      // Per placement: last minus first completed rating, per skill.
      this.db.query(
        `SELECT p.id,
                (array_agg(c.rating_negotiation ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_negotiation ORDER BY c.completed_at ASC))[1] AS negotiation,
                (array_agg(c.rating_closing ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_closing ORDER BY c.completed_at ASC))[1] AS closing,
                (array_agg(c.rating_persistence ORDER BY c.completed_at DESC))[1] - (array_agg(c.rating_persistence ORDER BY c.completed_at ASC))[1] AS persistence
           FROM check_ins c JOIN placements p ON p.id = c.placement_id
          WHERE c.completed_at IS NOT NULL AND c.kind <> 'pulse' AND ${scope} AND ${range} AND $2::text IS NOT NULL ${theirCheckIns}
          GROUP BY p.id HAVING count(*) >= 2`,
        params,
      ),
    ]);
    return {
      pending: requests[0] as OverviewRows['pending'],
      placements: placements[0] as OverviewRows['placements'],
      checkIns: checkIns[0] as OverviewRows['checkIns'],
      ratingChanges: ratings as OverviewRows['ratingChanges'],
    };
  }

  /**
   * The teams whose capacity the caller sees: every team for admins and PMs; for a manager their own and their
   * PMs' hosts, or every team when they ask for `all` (to plan for a report).
   */
  capacityTeams(
    caller: AuthenticatedUser,
    scope: 'mine' | 'all' = 'mine',
  ): Promise<Array<{ id: string; capacity: number }>> {
    return this.db.query(
      caller.role === 'admin' || caller.role === 'pm' || scope === 'all'
        ? `SELECT id, capacity FROM teams WHERE active OR $1::uuid IS NOT NULL ORDER BY name`
        : `SELECT DISTINCT t.id, t.capacity, t.name FROM teams t WHERE t.manager_id = $1
           OR t.id IN (SELECT p.team_id FROM placements p WHERE p.pm_id = ANY(ARRAY(SELECT u.id FROM users u WHERE u.manager_id = $1))) ORDER BY t.name`,
      [caller.id],
    );
  }

  /** What takes these teams' places over first..last: live placements, and the places waitlist offers hold. */
  bookings(
    teamIds: string[],
    first: string,
    last: string,
  ): Promise<Array<{ team_id: string; start_date: string; end_date: string }>> {
    return this.db.query(
      `SELECT team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM placements
        WHERE cancelled_at IS NULL AND team_id = ANY($1::uuid[]) AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
       UNION ALL
       SELECT team_id, to_char(start_date, 'YYYY-MM-DD'), to_char(end_date, 'YYYY-MM-DD') FROM rotation_requests
        WHERE status = 'offered' AND team_id = ANY($1::uuid[]) AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')`,
      [teamIds, first, last],
    );
  }
}
