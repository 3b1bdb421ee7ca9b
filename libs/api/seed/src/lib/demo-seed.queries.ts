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
  type SkillRatings,
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
 * Completes the PM's check-ins already due (every kind but the line
 * manager's pulse), two hours after each was scheduled, with ratings moving
 * from the story's `from` to its `to` across the cadence and the learning
 * goals revisited at the final; with `leaveOverdue`, the latest check-in past
 * the overdue threshold and everything after it stay open.
 */
export async function completeDueCheckIns(
  m: EntityManager,
  placementId: string,
  pmId: string,
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
        WHERE placement_id = $1 AND cancelled_at IS NULL AND kind <> 'pulse'
     ), missed AS (
       SELECT max(scheduled_at) AS at FROM planned
        WHERE $2::boolean AND scheduled_at < $3::timestamptz - make_interval(hours => $4::int)
     )
     UPDATE check_ins c
        SET completed_at = p.scheduled_at + interval '2 hours',
            completed_by = $17::uuid,
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
            goal_outcomes = CASE WHEN p.kind = 'final' THEN $18::jsonb END,
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
      pmId,
      JSON.stringify(story.goalOutcomes),
    ],
  );
}

/** The host manager assesses the PM three hours after a filed final (unless that is still to come). */
export async function assessFinal(
  m: EntityManager,
  placementId: string,
  hostId: string,
  story: DemoCheckInStory,
  now: Date,
): Promise<void> {
  await m.query(
    `INSERT INTO check_in_assessments (check_in_id, by_id, ratings, notes, created_at)
     SELECT id, $2, $3::jsonb, $4, completed_at + interval '3 hours' FROM check_ins
      WHERE placement_id = $1 AND kind = 'final' AND completed_at IS NOT NULL
        AND completed_at + interval '3 hours' <= $5::timestamptz`,
    [placementId, hostId, JSON.stringify(story.assessment.ratings), story.assessment.notes, now.toISOString()],
  );
}

/** The line manager gives a pulse that is due, three hours after its moment. */
export async function giveDuePulse(
  m: EntityManager,
  placementId: string,
  lineManagerId: string,
  story: DemoCheckInStory,
  now: Date,
): Promise<void> {
  const { ratings, wouldSendAgain, comment } = story.pulse;
  await m.query(
    `UPDATE check_ins
        SET completed_at = scheduled_at + interval '3 hours', completed_by = $2,
            rating_negotiation = $3, rating_closing = $4, rating_persistence = $5,
            would_send_again = $6, notes = $7, updated_at = scheduled_at + interval '3 hours'
      WHERE placement_id = $1 AND kind = 'pulse' AND completed_at IS NULL AND cancelled_at IS NULL
        AND scheduled_at + interval '3 hours' <= $8::timestamptz`,
    [
      placementId,
      lineManagerId,
      ratings.negotiation,
      ratings.closing,
      ratings.persistence,
      wouldSendAgain,
      comment,
      now.toISOString(),
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

/** The history's rows, with their ids, ready to write. */
export interface HistoryRows {
  requests: Array<{
    id: string;
    pmId: string;
    teamId: string;
    startDate: string;
    endDate: string;
    durationWeeks: number;
    goals: string[];
    motivation: string;
    createdAt: string;
    pendingSince: string;
    updatedAt: string;
    placementId: string;
  }>;
  approvals: Array<{ requestId: string; step: string; decision: string; byId: string; comment: string; at: string }>;
  placements: Array<{
    id: string;
    requestId: string;
    pmId: string;
    teamId: string;
    startDate: string;
    endDate: string;
    durationWeeks: number;
    createdAt: string;
  }>;
  checkIns: Array<{
    id: string;
    placementId: string;
    kind: string;
    dueDate: string;
    scheduledAt: Date;
    completedAt: Date | null;
    ratings: SkillRatings | null;
    notes: string;
    completedBy: string | null;
    wouldSendAgain: boolean | null;
    goalOutcomes: unknown[] | null;
    createdAt: string;
  }>;
  assessments: Array<{ checkInId: string; byId: string; ratings: SkillRatings; notes: string; at: Date }>;
  feedback: Array<{ checkInId: string; byId: string; text: string; at: Date }>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Writes the history in one statement per table (arrays unnested), the
 * requests before their placements and linked to them afterwards.
 */
export async function insertHistory(m: EntityManager, rows: HistoryRows): Promise<void> {
  const { requests, approvals, placements, checkIns, assessments, feedback } = rows;
  if (requests.length === 0) return;
  await m.query(
    `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status,
                                    created_by, created_at, updated_at, pending_since)
     SELECT id, pm, team, s, e, w, g::jsonb, motivation, 'booked', pm, c, u, p
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::date[], $6::int[], $7::text[], $8::text[],
                   $9::timestamptz[], $10::timestamptz[], $11::timestamptz[]) AS t(id, pm, team, s, e, w, g, motivation, c, u, p)`,
    [
      requests.map((r) => r.id),
      requests.map((r) => r.pmId),
      requests.map((r) => r.teamId),
      requests.map((r) => r.startDate),
      requests.map((r) => r.endDate),
      requests.map((r) => r.durationWeeks),
      requests.map((r) => JSON.stringify(r.goals)),
      requests.map((r) => r.motivation),
      requests.map((r) => r.createdAt),
      requests.map((r) => r.updatedAt),
      requests.map((r) => r.pendingSince),
    ],
  );
  await m.query(
    `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[])`,
    [
      approvals.map((a) => a.requestId),
      approvals.map((a) => a.step),
      approvals.map((a) => a.decision),
      approvals.map((a) => a.byId),
      approvals.map((a) => a.comment),
      approvals.map((a) => a.at),
    ],
  );
  await m.query(
    `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks, sequence, created_at, updated_at)
     SELECT id, request, pm, team, s, e, w, 0, c, c
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::date[], $7::int[], $8::timestamptz[])
         AS t(id, request, pm, team, s, e, w, c)`,
    [
      placements.map((p) => p.id),
      placements.map((p) => p.requestId),
      placements.map((p) => p.pmId),
      placements.map((p) => p.teamId),
      placements.map((p) => p.startDate),
      placements.map((p) => p.endDate),
      placements.map((p) => p.durationWeeks),
      placements.map((p) => p.createdAt),
    ],
  );
  await m.query(
    `UPDATE rotation_requests r SET placement_id = t.placement
       FROM unnest($1::uuid[], $2::uuid[]) AS t(request, placement) WHERE r.id = t.request`,
    [requests.map((r) => r.id), requests.map((r) => r.placementId)],
  );
  await m.query(
    `INSERT INTO check_ins (id, placement_id, kind, due_date, scheduled_at, completed_at, rating_negotiation, rating_closing,
                            rating_persistence, notes, would_send_again, goal_outcomes, completed_by, created_at, updated_at)
     SELECT id, placement, kind, due, at, done, n, c, p, notes, again, goals::jsonb, by, created, coalesce(done, created)
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::timestamptz[], $6::timestamptz[], $7::smallint[],
                   $8::smallint[], $9::smallint[], $10::text[], $11::boolean[], $12::text[], $13::uuid[], $14::timestamptz[])
         AS t(id, placement, kind, due, at, done, n, c, p, notes, again, goals, by, created)`,
    [
      checkIns.map((c) => c.id),
      checkIns.map((c) => c.placementId),
      checkIns.map((c) => c.kind),
      checkIns.map((c) => c.dueDate),
      checkIns.map((c) => c.scheduledAt.toISOString()),
      checkIns.map((c) => iso(c.completedAt)),
      checkIns.map((c) => c.ratings?.negotiation ?? null),
      checkIns.map((c) => c.ratings?.closing ?? null),
      checkIns.map((c) => c.ratings?.persistence ?? null),
      checkIns.map((c) => c.notes),
      checkIns.map((c) => c.wouldSendAgain),
      checkIns.map((c) => (c.goalOutcomes ? JSON.stringify(c.goalOutcomes) : null)),
      checkIns.map((c) => c.completedBy),
      checkIns.map((c) => c.createdAt),
    ],
  );
  if (assessments.length > 0) {
    await m.query(
      `INSERT INTO check_in_assessments (check_in_id, by_id, ratings, notes, created_at)
       SELECT id, by, r::jsonb, notes, at FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         AS t(id, by, r, notes, at)`,
      [
        assessments.map((a) => a.checkInId),
        assessments.map((a) => a.byId),
        assessments.map((a) => JSON.stringify(a.ratings)),
        assessments.map((a) => a.notes),
        assessments.map((a) => a.at.toISOString()),
      ],
    );
  }
  if (feedback.length > 0) {
    await m.query(
      `INSERT INTO check_in_feedback (check_in_id, by_id, text, at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])`,
      [
        feedback.map((f) => f.checkInId),
        feedback.map((f) => f.byId),
        feedback.map((f) => f.text),
        feedback.map((f) => f.at.toISOString()),
      ],
    );
  }
}
