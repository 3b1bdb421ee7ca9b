import { managedRotations, PLACEMENT_ALIASES } from '@stint/api-core';
import type { UserRole } from '@stint/contracts';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

/** Whose feed a token hash opens: an active user, or null (unknown, rotated away, or deactivated). */
export async function feedOwner(m: Sql, tokenHash: string): Promise<{ id: string; role: UserRole } | null> {
  const rows: Array<{ id: string; role: UserRole }> = await m.query(
    `SELECT id, role FROM users WHERE calendar_feed_token_hash = $1 AND active`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Gives the user a new feed token (by its hash): the old one, if any, stops working. */
export async function replaceFeedTokenHash(m: Sql, userId: string, tokenHash: string): Promise<void> {
  await m.query(`UPDATE users SET calendar_feed_token_hash = $2 WHERE id = $1`, [userId, tokenHash]);
}

/** A placement of the feed with the people and team around it (as the invites name them). */
export interface FeedPlacementRow {
  id: string;
  start_date: string;
  end_date: string;
  sequence: number;
  updated_at: Date;
  /** Whether the placement itself is in the window (else only some of its check-ins are). */
  in_window: boolean;
  pm_id: string;
  pm_name: string;
  pm_email: string;
  pm_tz: string;
  lm_id: string | null;
  lm_name: string | null;
  lm_email: string | null;
  lm_tz: string | null;
  hm_id: string;
  hm_name: string;
  hm_email: string;
  hm_tz: string;
  t_id: string;
  t_name: string;
  t_tz: string;
  t_hc: string | null;
}

export interface FeedCheckInRow {
  id: string;
  placement_id: string;
  kind: string;
  scheduled_at: Date;
  invite_sequence: number;
  updated_at: Date;
}

/**
 * The placements a feed shows, never cancelled ones: a PM's own; for a
 * manager or an admin, those they host (teams they manage) and their direct
 * reports' (an admin's feed is their own calendar, not the whole programme).
 * In the window: ending on or after `sinceDate`, or with a check-in at or
 * after `since` (a follow-up after the rotation).
 */
export async function feedPlacements(
  m: Sql,
  owner: { id: string; role: UserRole },
  sinceDate: string,
  since: Date,
): Promise<FeedPlacementRow[]> {
  const whose = owner.role === 'pm' ? 'pm.id = $1' : managedRotations('$1', PLACEMENT_ALIASES);
  return m.query(
    `SELECT p.id, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
            p.sequence, p.updated_at, p.end_date >= $2::date AS in_window,
            pm.id AS pm_id, pm.name AS pm_name, pm.email::text AS pm_email, pm.timezone AS pm_tz,
            lm.id AS lm_id, lm.name AS lm_name, lm.email::text AS lm_email, lm.timezone AS lm_tz,
            hm.id AS hm_id, hm.name AS hm_name, hm.email::text AS hm_email, hm.timezone AS hm_tz,
            t.id AS t_id, t.name::text AS t_name, t.timezone AS t_tz, t.holiday_country AS t_hc
       FROM placements p
       JOIN users pm ON pm.id = p.pm_id
       JOIN teams t ON t.id = p.team_id
       JOIN users hm ON hm.id = t.manager_id
       LEFT JOIN users lm ON lm.id = pm.manager_id
      WHERE p.cancelled_at IS NULL AND ${whose}
        AND (p.end_date >= $2::date OR EXISTS (SELECT 1 FROM check_ins c WHERE c.placement_id = p.id
              AND c.cancelled_at IS NULL AND c.scheduled_at >= $3))
      ORDER BY p.start_date, p.id`,
    [owner.id, sinceDate, since],
  );
}

/** The check-ins of these placements at or after `since`, never cancelled ones. */
export async function feedCheckIns(m: Sql, placementIds: string[], since: Date): Promise<FeedCheckInRow[]> {
  if (!placementIds.length) return [];
  return m.query(
    `SELECT id, placement_id, kind, scheduled_at, invite_sequence, updated_at FROM check_ins
      WHERE placement_id = ANY($1::uuid[]) AND cancelled_at IS NULL AND scheduled_at >= $2
      ORDER BY scheduled_at, id`,
    [placementIds, since],
  );
}
