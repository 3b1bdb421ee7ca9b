import { PLACEMENT_ALIASES, REQUEST_ALIASES, visibleRotationsSql, type AuthenticatedUser } from '@stint/api-core';
import { TIMELINE_MAX_ITEMS, type Blackout, type TimelinePlacement, type TimelineRequest } from '@stint/contracts';
import { todayIn } from '@stint/shared-dates';
import type { EntityManager } from 'typeorm';
import { placementStatus } from '../placements/placement-status';

/** The window and the caller's filter; positional parameters $1 viewer, $2 from, $3 to, $4 team (or null). */
export interface TimelineScope {
  from: string;
  to: string;
  teamId: string | null;
}

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const TOUCHES = (alias: string) =>
  `daterange(${alias}.start_date, ${alias}.end_date, '[]') && daterange($2::date, $3::date, '[]')`;

function params(caller: AuthenticatedUser, scope: TimelineScope): unknown[] {
  return [caller.id, scope.from, scope.to, scope.teamId];
}

/**
 * The placements the caller sees that touch the window, earliest first, at
 * most TIMELINE_MAX_ITEMS + 1 (one more than kept, to say whether there are more).
 */
export async function timelineBars(
  m: EntityManager,
  caller: AuthenticatedUser,
  scope: TimelineScope,
  now: Date,
): Promise<TimelinePlacement[]> {
  const rows: Array<Omit<TimelinePlacement, 'status'> & { cancelledAt: Date | null; timezone: string }> = await m.query(
    `SELECT p.id, p.request_id AS "requestId", p.pm_id AS "pmId", pm.name AS "pmName", p.team_id AS "teamId",
            t.name::text AS "teamName", ${DATE('p.start_date')} AS "startDate", ${DATE('p.end_date')} AS "endDate",
            p.duration_weeks AS "durationWeeks", p.cancelled_at AS "cancelledAt", t.timezone
       FROM placements p JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
      WHERE ${visibleRotationsSql(caller, 1, PLACEMENT_ALIASES)} AND ${TOUCHES('p')} AND ($4::uuid IS NULL OR p.team_id = $4::uuid)
      ORDER BY p.start_date, p.id
      LIMIT ${TIMELINE_MAX_ITEMS + 1}`,
    params(caller, scope),
  );
  return rows.map(({ cancelledAt, timezone, ...bar }) => ({
    ...bar,
    status: placementStatus({ ...bar, cancelledAt }, todayIn(timezone, now)),
  }));
}

/** The requests not yet booked (waiting for a decision, or a held offer) the caller sees that touch the window. */
export async function timelineGhosts(
  m: EntityManager,
  caller: AuthenticatedUser,
  scope: TimelineScope,
): Promise<TimelineRequest[]> {
  return m.query(
    `SELECT r.id, r.pm_id AS "pmId", pm.name AS "pmName", r.team_id AS "teamId", t.name::text AS "teamName",
            ${DATE('r.start_date')} AS "startDate", ${DATE('r.end_date')} AS "endDate",
            r.duration_weeks AS "durationWeeks", r.status
       FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
      WHERE ${visibleRotationsSql(caller, 1, REQUEST_ALIASES)} AND r.status IN ('pending_manager', 'pending_host', 'offered')
        AND ${TOUCHES('r')} AND ($4::uuid IS NULL OR r.team_id = $4::uuid)
      ORDER BY r.start_date, r.id
      LIMIT ${TIMELINE_MAX_ITEMS + 1}`,
    params(caller, scope),
  );
}

/** Blackouts touching the window: with a team, its own and the global ones; else every one. */
export async function timelineBlackouts(m: EntityManager, scope: TimelineScope): Promise<Blackout[]> {
  return m.query(
    `SELECT b.id, b.team_id AS "teamId", ${DATE('b.starts_on')} AS "startsOn", ${DATE('b.ends_on')} AS "endsOn", b.reason
       FROM blackouts b
      WHERE daterange(b.starts_on, b.ends_on, '[]') && daterange($1::date, $2::date, '[]')
        AND ($3::uuid IS NULL OR b.team_id IS NULL OR b.team_id = $3::uuid)
      ORDER BY b.starts_on, b.id`,
    [scope.from, scope.to, scope.teamId],
  );
}
