import type { WaitlistEntry } from '@stint/contracts';
import type { EntityManager } from 'typeorm';

/** Rank step between neighbours in a line, so a new arrival never needs the others renumbered. */
export const RANK_STEP = 1024;

/** The rank that puts a new arrival at the end of the team's line (the caller holds the team lock). */
export async function nextRank(m: EntityManager, teamId: string): Promise<string> {
  const rows: Array<{ rank: string }> = await m.query(
    `SELECT (COALESCE(max(waitlist_rank), 0) + ${RANK_STEP})::text AS rank
       FROM rotation_requests WHERE team_id = $1 AND status IN ('waitlisted', 'offered')`,
    [teamId],
  );
  return rows[0]?.rank ?? String(RANK_STEP);
}

/** 1-based places in line of those of these requests that are waitlisted (others are absent from the map). */
export async function waitlistPositions(m: EntityManager, requestIds: string[]): Promise<Map<string, number>> {
  if (!requestIds.length) return new Map();
  const rows: Array<{ id: string; position: number }> = await m.query(
    `SELECT id, position FROM (
       SELECT r.id, row_number() OVER (PARTITION BY r.team_id ORDER BY r.waitlist_rank, r.id)::int AS position
         FROM rotation_requests r
        WHERE r.status = 'waitlisted'
          AND r.team_id IN (SELECT team_id FROM rotation_requests WHERE id = ANY($1::uuid[]) AND status = 'waitlisted')
     ) line WHERE id = ANY($1::uuid[])`,
    [requestIds],
  );
  return new Map(rows.map((r) => [r.id, r.position]));
}

/** Whether anyone waits in the team's line (a read without locks, to spare teams nobody waits for). */
export async function hasWaitlist(m: EntityManager, teamId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM rotation_requests WHERE team_id = $1 AND status = 'waitlisted' LIMIT 1`,
    [teamId],
  );
  return rows.length > 0;
}

/** Teams with someone in line, in id order (the order their locks are taken in). */
export async function teamsWithWaitlist(m: EntityManager): Promise<string[]> {
  const rows: Array<{ team_id: string }> = await m.query(
    `SELECT DISTINCT team_id FROM rotation_requests WHERE status = 'waitlisted' ORDER BY team_id`,
  );
  return rows.map((r) => r.team_id);
}

/** The team's offers out and then its line, in order, as `GET /api/teams/:id/waitlist` answers. */
export async function teamWaitlist(m: EntityManager, teamId: string): Promise<WaitlistEntry[]> {
  const rows: Array<{
    id: string;
    pm_id: string;
    pm_name: string;
    start_date: string;
    end_date: string;
    duration_weeks: number;
    status: 'waitlisted' | 'offered';
    waitlisted_at: Date;
    offer_expires_at: Date | null;
  }> = await m.query(
    `SELECT r.id, r.pm_id, u.name AS pm_name, to_char(r.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(r.end_date, 'YYYY-MM-DD') AS end_date, r.duration_weeks, r.status, r.waitlisted_at, r.offer_expires_at
       FROM rotation_requests r JOIN users u ON u.id = r.pm_id
      WHERE r.team_id = $1 AND r.status IN ('offered', 'waitlisted')
      ORDER BY (r.status = 'waitlisted'), r.offered_at, r.waitlist_rank, r.id`,
    [teamId],
  );
  let position = 0;
  return rows.map((r) => ({
    requestId: r.id,
    pmId: r.pm_id,
    pmName: r.pm_name,
    startDate: r.start_date,
    endDate: r.end_date,
    durationWeeks: r.duration_weeks,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? ++position : null,
    waitlistedAt: r.waitlisted_at.toISOString(),
    offerExpiresAt: r.offer_expires_at ? r.offer_expires_at.toISOString() : null,
  }));
}

/** Every offer out, for the reconciler: each one's expiry job must exist. */
export async function openOffers(
  m: EntityManager,
): Promise<Array<{ id: string; offerVersion: number; offerExpiresAt: Date }>> {
  const rows: Array<{ id: string; offer_version: number; offer_expires_at: Date }> = await m.query(
    `SELECT id, offer_version, offer_expires_at FROM rotation_requests WHERE status = 'offered'`,
  );
  return rows.map((r) => ({ id: r.id, offerVersion: r.offer_version, offerExpiresAt: r.offer_expires_at }));
}

export async function isActiveUser(m: EntityManager, userId: string): Promise<boolean> {
  const rows: Array<{ active: boolean }> = await m.query(`SELECT active FROM users WHERE id = $1`, [userId]);
  return rows[0]?.active === true;
}
