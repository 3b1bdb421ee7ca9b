import type { EntityManager } from 'typeorm';
import {
  CHECK_IN_NOTES,
  type DemoApproval,
  type DemoBlackout,
  type DemoCancellation,
  type DemoCheckInStory,
  type DemoPlacement,
  type DemoRequest,
  type DemoTeam,
  type DemoUser,
} from './demo-plan';

/** Arbitrary constant (next to the migrations' 7370001): serialises seeding across processes. */
export const DEMO_SEED_LOCK_ID = 7_370_002;

export interface CheckInTotals {
  total: number;
  completed: number;
  overdue: number;
}

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: Array<{ id: string }> = await m.query(sql, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`The demo seed inserted no row: ${sql.slice(0, 60)}`);
  return id;
}

export async function hasTeams(m: EntityManager): Promise<boolean> {
  const rows: Array<{ found: boolean }> = await m.query(`SELECT EXISTS (SELECT 1 FROM teams) AS found`);
  return rows[0]?.found === true;
}

/** Serialises seeding for the rest of the transaction. */
export async function lockSeeding(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock($1)`, [DEMO_SEED_LOCK_ID]);
}

/** Which of the emails already belong to a user, sorted. */
export async function takenEmails(m: EntityManager, emails: string[]): Promise<string[]> {
  const rows: Array<{ email: string }> = await m.query(
    `SELECT email::text AS email FROM users WHERE email = ANY($1::citext[]) ORDER BY email`,
    [emails],
  );
  return rows.map((r) => r.email);
}

export function insertUser(
  m: EntityManager,
  u: DemoUser,
  managerId: string | null,
  passwordHash: string,
  at: string,
): Promise<string> {
  return insertReturningId(
    m,
    `INSERT INTO users (email, name, role, manager_id, timezone, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [u.email, u.name, u.role, managerId, u.timezone, passwordHash, at],
  );
}

export function insertTeam(m: EntityManager, t: DemoTeam, managerId: string, at: string): Promise<string> {
  return insertReturningId(
    m,
    `INSERT INTO teams (name, region, segment, manager_id, capacity, timezone, holiday_country, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [t.name, t.region, t.segment, managerId, t.capacity, t.timezone, t.holidayCountry, at],
  );
}

export async function insertBlackout(
  m: EntityManager,
  b: DemoBlackout,
  teamId: string | null,
  at: string,
): Promise<void> {
  await m.query(`INSERT INTO blackouts (team_id, starts_on, ends_on, reason, created_at) VALUES ($1, $2, $3, $4, $5)`, [
    teamId,
    b.startsOn,
    b.endsOn,
    b.reason,
    at,
  ]);
}

/** The policy's overdue threshold, in hours (48 before any policy row exists). */
export async function overdueAfterHours(m: EntityManager): Promise<number> {
  const rows: Array<{ overdue: number }> = await m.query(
    `SELECT overdue_after_hours AS overdue FROM policy WHERE id = 1`,
  );
  return rows[0]?.overdue ?? 48;
}

export function insertRequest(m: EntityManager, r: DemoRequest, pmId: string, teamId: string): Promise<string> {
  return insertReturningId(
    m,
    `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status, created_by, created_at, updated_at, pending_since)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $1, $9, $10, $11) RETURNING id`,
    [
      pmId,
      teamId,
      r.startDate,
      r.endDate,
      r.durationWeeks,
      JSON.stringify(r.goals),
      r.motivation,
      r.status,
      r.createdAt,
      r.updatedAt,
      r.pendingSince,
    ],
  );
}

export async function insertApproval(
  m: EntityManager,
  requestId: string,
  a: DemoApproval,
  byId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [requestId, a.step, a.decision, byId, a.comment, a.at],
  );
}

/** The placement a host approval makes, linked from its request. */
export async function insertPlacement(
  m: EntityManager,
  p: DemoPlacement,
  requestId: string,
  pmId: string,
  teamId: string,
): Promise<string> {
  const placementId = await insertReturningId(
    m,
    `INSERT INTO placements (request_id, pm_id, team_id, start_date, end_date, duration_weeks, sequence, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $7) RETURNING id`,
    [requestId, pmId, teamId, p.startDate, p.endDate, p.durationWeeks, p.bookedAt],
  );
  await m.query(`UPDATE rotation_requests SET placement_id = $2 WHERE id = $1`, [requestId, placementId]);
  return placementId;
}

export async function cancelPlacement(
  m: EntityManager,
  placementId: string,
  c: DemoCancellation,
  byId: string,
): Promise<void> {
  await m.query(
    `UPDATE placements SET cancelled_at = $2, cancelled_reason = $3, cancelled_by = $4, sequence = sequence + 1, updated_at = $2 WHERE id = $1`,
    [placementId, c.at, c.reason, byId],
  );
}

/** Nothing of a cancelled placement stays open. */
export async function cancelOpenCheckIns(m: EntityManager, placementId: string, at: string): Promise<void> {
  await m.query(
    `UPDATE check_ins SET cancelled_at = $2, updated_at = $2 WHERE placement_id = $1 AND completed_at IS NULL AND cancelled_at IS NULL`,
    [placementId, at],
  );
}

/**
 * Completes the placement's check-ins already due, two hours after each was
 * scheduled, with ratings moving from the story's `from` to its `to` across
 * the cadence; with `leaveOverdue`, the latest check-in past the overdue
 * threshold and everything after it stay open.
 */
export async function completeDueCheckIns(
  m: EntityManager,
  placementId: string,
  story: DemoCheckInStory,
  now: Date,
  overdueHours: number,
): Promise<void> {
  await m.query(
    `WITH planned AS (
       SELECT id, kind, scheduled_at,
              row_number() OVER (ORDER BY scheduled_at, id) AS n,
              count(*) OVER () AS total
         FROM check_ins
        WHERE placement_id = $1 AND cancelled_at IS NULL
     ), missed AS (
       SELECT max(scheduled_at) AS at FROM planned
        WHERE $2::boolean AND scheduled_at < $3::timestamptz - make_interval(hours => $4::int)
     )
     UPDATE check_ins c
        SET completed_at = p.scheduled_at + interval '2 hours',
            rating_negotiation = round($5::numeric + ($6::numeric - $5::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
            rating_closing = round($7::numeric + ($8::numeric - $7::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
            rating_persistence = round($9::numeric + ($10::numeric - $9::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
            notes = CASE p.kind
                      WHEN 'kickoff' THEN $11::text
                      WHEN 'weekly' THEN ($12::text[])[((p.n + $13::int) % array_length($12::text[], 1)) + 1]
                      WHEN 'midpoint' THEN $14::text
                      WHEN 'final' THEN $15::text
                      ELSE $16::text
                    END,
            updated_at = p.scheduled_at + interval '2 hours'
       FROM planned p, missed
      WHERE c.id = p.id
        AND c.completed_at IS NULL
        AND p.scheduled_at + interval '2 hours' <= $3::timestamptz
        AND (missed.at IS NULL OR p.scheduled_at < missed.at)`,
    [
      placementId,
      story.leaveOverdue,
      now.toISOString(),
      overdueHours,
      story.from.negotiation,
      story.to.negotiation,
      story.from.closing,
      story.to.closing,
      story.from.persistence,
      story.to.persistence,
      CHECK_IN_NOTES.kickoff[0] ?? '',
      CHECK_IN_NOTES.weekly,
      story.noteOffset,
      CHECK_IN_NOTES.midpoint[0] ?? '',
      CHECK_IN_NOTES.final[0] ?? '',
      CHECK_IN_NOTES.follow_up[0] ?? '',
    ],
  );
}

/** The host manager answers a filed midpoint the next day (unless that day is still to come). */
export async function answerMidpoints(
  m: EntityManager,
  placementId: string,
  hostId: string,
  text: string,
  now: Date,
): Promise<void> {
  await m.query(
    `INSERT INTO check_in_feedback (check_in_id, by_id, text, at)
     SELECT id, $2, $3, completed_at + interval '1 day' FROM check_ins
      WHERE placement_id = $1 AND kind = 'midpoint' AND completed_at IS NOT NULL AND completed_at + interval '1 day' <= $4::timestamptz`,
    [placementId, hostId, text, now.toISOString()],
  );
}

export async function checkInTotals(m: EntityManager, now: Date, overdueHours: number): Promise<CheckInTotals> {
  const rows: CheckInTotals[] = await m.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS completed,
            count(*) FILTER (WHERE completed_at IS NULL AND cancelled_at IS NULL
                               AND scheduled_at < $1::timestamptz - make_interval(hours => $2::int))::int AS overdue
       FROM check_ins`,
    [now.toISOString(), overdueHours],
  );
  return rows[0] ?? { total: 0, completed: 0, overdue: 0 };
}
