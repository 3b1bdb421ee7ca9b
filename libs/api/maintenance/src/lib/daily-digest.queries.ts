import { awaitingDecisionBy, managedRotations, PLACEMENT_ALIASES } from '@stint/api-core';
import type { Person } from '@stint/api-notifications';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

export interface AwaitingRequest {
  id: string;
  pm: string;
  team: string;
  status: string;
}

export interface OpenCheckInLine {
  id: string;
  pm: string;
  kind: string;
  scheduled_at: Date;
}

/** Open check-ins of live placements the manager manages (as line or host manager). */
const MANAGED_OPEN_CHECK_INS = `FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
            WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL AND ${managedRotations('$1', PLACEMENT_ALIASES)}`;

/** Every active manager: who may get a digest. */
export function activeManagers(m: Sql): Promise<Person[]> {
  return m.query(
    `SELECT id, name, email::text AS email, timezone, locale FROM users WHERE role = 'manager' AND active`,
  );
}

/** Requests waiting for this manager's decision, oldest first. */
export function awaitingDecision(m: Sql, managerId: string): Promise<AwaitingRequest[]> {
  return m.query(
    `SELECT r.id, pm.name AS pm, t.name::text AS team, r.status FROM rotation_requests r
             JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
            WHERE ${awaitingDecisionBy('$1')}
            ORDER BY r.created_at`,
    [managerId],
  );
}

/** The manager's open check-ins on `localDay` in their time zone. */
export function checkInsOn(m: Sql, manager: Person, localDay: string): Promise<OpenCheckInLine[]> {
  return m.query(
    `SELECT c.id, pm.name AS pm, c.kind, c.scheduled_at ${MANAGED_OPEN_CHECK_INS} AND (c.scheduled_at AT TIME ZONE $2)::date = $3::date ORDER BY c.scheduled_at`,
    [manager.id, manager.timezone, localDay],
  );
}

/** The manager's open check-ins more than `overdueAfterHours` past their moment at `now`. */
export function overdueCheckIns(
  m: Sql,
  managerId: string,
  overdueAfterHours: number,
  now: Date,
): Promise<OpenCheckInLine[]> {
  return m.query(
    `SELECT c.id, pm.name AS pm, c.kind, c.scheduled_at ${MANAGED_OPEN_CHECK_INS} AND c.scheduled_at + make_interval(hours => $2::int) < $3::timestamptz ORDER BY c.scheduled_at`,
    [managerId, overdueAfterHours, now.toISOString()],
  );
}
