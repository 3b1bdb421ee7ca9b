import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthenticatedUser,
  awaitingDecisionBy,
  managedCheckInsSql,
  PLACEMENT_ALIASES,
  visibleRotationsSql,
} from '@stint/api-core';
import { TODAY_LIST_LIMIT } from '@stint/contracts';
import { DataSource } from 'typeorm';

/** Every row of a list query carries the list's total (a window count), so one statement gives both. */
type Counted<T> = T & { total: number };

export interface ApprovalRow {
  id: string;
  pm_name: string;
  team_name: string;
  start_date: string;
  end_date: string;
  duration_weeks: number;
  status: 'pending_manager' | 'pending_host';
  pending_since: Date;
}

export interface ProposalRow {
  id: string;
  team_name: string;
  start_date: string;
  end_date: string;
  duration_weeks: number;
  proposed_start_date: string;
  proposed_end_date: string;
  proposed_by_name: string;
  proposed_at: Date;
}

export interface CheckInRow {
  id: string;
  placement_id: string;
  kind: string;
  scheduled_at: Date;
  pm_name: string;
  team_name: string;
  pm_id: string;
  line_manager_id: string | null;
  host_manager_id: string;
  assessed: boolean;
}

export interface PlacementRow {
  id: string;
  pm_name: string;
  team_name: string;
  start_date: string;
  end_date: string;
  event: 'starts' | 'ends';
  on: string;
}

/** Who lacks a manager, for the admin's home. */
export interface UnmanagedRow {
  users_without_manager: number;
  teams_without_manager: number;
}

const ROTATION_JOINS = `JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id`;

/** The SQL behind a caller's home: one statement per list, each limited, with its total alongside. */
@Injectable()
export class TodayRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Pending requests the caller decides next (an admin: every pending request), longest waiting first. */
  approvals(caller: AuthenticatedUser): Promise<Array<Counted<ApprovalRow>>> {
    const mine =
      caller.role === 'admin'
        ? `r.status IN ('pending_manager', 'pending_host') AND $1::uuid IS NOT NULL`
        : awaitingDecisionBy('$1');
    return this.db.query(
      `SELECT r.id, pm.name::text AS pm_name, t.name::text AS team_name,
              to_char(r.start_date, 'YYYY-MM-DD') AS start_date, to_char(r.end_date, 'YYYY-MM-DD') AS end_date,
              r.duration_weeks, r.status, r.pending_since, count(*) OVER ()::int AS total
         FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
        WHERE ${mine}
        ORDER BY r.pending_since, r.id
        LIMIT ${TODAY_LIST_LIMIT}`,
      [caller.id],
    );
  }

  /** The caller's own requests with an open counter-proposal from their host, oldest proposal first. */
  proposals(caller: AuthenticatedUser): Promise<Array<Counted<ProposalRow>>> {
    return this.db.query(
      `SELECT r.id, t.name::text AS team_name, to_char(r.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(r.end_date, 'YYYY-MM-DD') AS end_date, r.duration_weeks,
              to_char(r.proposed_start_date, 'YYYY-MM-DD') AS proposed_start_date,
              to_char(r.proposed_start_date + (7 * r.duration_weeks - 1), 'YYYY-MM-DD') AS proposed_end_date,
              coalesce(h.name::text, '') AS proposed_by_name, r.proposed_at, count(*) OVER ()::int AS total
         FROM rotation_requests r JOIN teams t ON t.id = r.team_id LEFT JOIN users h ON h.id = r.proposed_by
        WHERE r.pm_id = $1 AND r.status = 'pending_host' AND r.proposed_start_date IS NOT NULL
        ORDER BY r.proposed_at, r.id
        LIMIT ${TODAY_LIST_LIMIT}`,
      [caller.id],
    );
  }

  /**
   * Open check-ins the caller acts on or follows: a PM their own (the pulse is
   * their line manager's), a manager those of their reports and their teams,
   * an admin all. `which` picks the overdue ones (oldest first) or those due in
   * the next 7 days and not yet overdue (soonest first).
   */
  checkIns(caller: AuthenticatedUser, now: Date, which: 'due' | 'overdue'): Promise<Array<Counted<CheckInRow>>> {
    const scope = visibleRotationsSql(caller, 1, PLACEMENT_ALIASES);
    const pmOwn = caller.role === 'pm' ? `AND c.kind <> 'pulse'` : '';
    // Bounds on the bare scheduled_at (the policy's grace read once), so the open check-ins' index serves them.
    const overdueSince = `$2::timestamptz - (SELECT make_interval(hours => overdue_after_hours) FROM policy LIMIT 1)`;
    const when =
      which === 'overdue'
        ? `c.scheduled_at < ${overdueSince}`
        : `c.scheduled_at >= ${overdueSince} AND c.scheduled_at < $2::timestamptz + interval '7 days'`;
    // Matching check-ins are counted on their own rows; names and assessments are read for the shown page only.
    return this.db.query(
      `WITH hits AS (
         SELECT c.id, c.placement_id, c.kind, c.scheduled_at, p.pm_id, p.team_id
           FROM check_ins c JOIN placements p ON p.id = c.placement_id
          WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL
            AND ${scope} ${pmOwn} ${managedCheckInsSql(caller, 1)} AND ${when}
       ), shown AS (
         SELECT * FROM hits ORDER BY scheduled_at, id LIMIT ${TODAY_LIST_LIMIT}
       )
       SELECT s.id, s.placement_id, s.kind, s.scheduled_at, pm.name::text AS pm_name, t.name::text AS team_name,
              pm.id AS pm_id, pm.manager_id AS line_manager_id, t.manager_id AS host_manager_id,
              EXISTS (SELECT 1 FROM check_in_assessments a WHERE a.check_in_id = s.id) AS assessed,
              (SELECT count(*) FROM hits)::int AS total
         FROM shown s JOIN users pm ON pm.id = s.pm_id JOIN teams t ON t.id = s.team_id
        ORDER BY s.scheduled_at, s.id`,
      [caller.id, now.toISOString()],
    );
  }

  /** Placements the caller sees that start or end within the next 14 days of their team's calendar, soonest first. */
  upcomingPlacements(caller: AuthenticatedUser, now: Date): Promise<Array<Counted<PlacementRow>>> {
    const scope = visibleRotationsSql(caller, 1, PLACEMENT_ALIASES);
    return this.db.query(
      `WITH local AS (
         SELECT p.id, pm.name::text AS pm_name, t.name::text AS team_name, p.start_date, p.end_date,
                ($2::timestamptz AT TIME ZONE t.timezone)::date AS today
           FROM placements p ${ROTATION_JOINS}
          WHERE p.cancelled_at IS NULL AND ${scope}
            AND p.end_date >= ($2::timestamptz - interval '1 day')::date
            AND p.start_date <= ($2::timestamptz + interval '15 days')::date)
       SELECT id, pm_name, team_name, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date,
              CASE WHEN start_date >= today THEN 'starts' ELSE 'ends' END AS event,
              to_char(CASE WHEN start_date >= today THEN start_date ELSE end_date END, 'YYYY-MM-DD') AS "on",
              count(*) OVER ()::int AS total
         FROM local
        WHERE start_date BETWEEN today AND today + 14 OR end_date BETWEEN today AND today + 14
        ORDER BY "on", pm_name, id
        LIMIT ${TODAY_LIST_LIMIT}`,
      [caller.id, now.toISOString()],
    );
  }

  /** The active teams whose places the caller looks after: a manager's own, every team for an admin. */
  managedTeams(caller: AuthenticatedUser): Promise<Array<{ id: string; name: string; capacity: number }>> {
    return this.db.query(
      `SELECT id, name::text AS name, capacity FROM teams
        WHERE active AND (manager_id = $1 OR $2::boolean) ORDER BY name`,
      [caller.id, caller.role === 'admin'],
    );
  }

  /** Emails that failed for good: read fresh on every request (sends do not advance the figures version). */
  async failedEmails(): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE status = 'failed'`,
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Active PMs without an active manager, and active teams without one: kept with the figures (users, teams). */
  async unmanaged(): Promise<UnmanagedRow> {
    const [row] = (await this.db.query(
      `SELECT (SELECT count(*) FROM users u LEFT JOIN users m ON m.id = u.manager_id
                WHERE u.active AND u.role = 'pm' AND (m.id IS NULL OR NOT m.active))::int AS users_without_manager,
              (SELECT count(*) FROM teams t JOIN users m ON m.id = t.manager_id
                WHERE t.active AND (NOT m.active OR m.role = 'pm'))::int AS teams_without_manager`,
    )) as Array<UnmanagedRow>;
    return row ?? { users_without_manager: 0, teams_without_manager: 0 };
  }
}
