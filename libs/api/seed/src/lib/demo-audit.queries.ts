import type { EntityManager } from 'typeorm';

/** A request's audit snapshot (the shape booking's requestSnapshot writes), in the status it reached. */
const REQUEST_SNAPSHOT = (status: string): string =>
  `jsonb_build_object('status', ${status}, 'teamId', r.team_id, 'startDate', r.start_date, 'endDate', r.end_date,
                      'durationWeeks', r.duration_weeks)`;

const PLACEMENT_SNAPSHOT = `jsonb_build_object('teamId', p.team_id, 'startDate', p.start_date, 'endDate', p.end_date,
  'durationWeeks', p.duration_weeks, 'cancelledAt', p.cancelled_at, 'cancelledReason', p.cancelled_reason)`;

const RATINGS = `jsonb_build_object('negotiation', c.rating_negotiation, 'closing', c.rating_closing,
  'persistence', c.rating_persistence) || c.extra_ratings`;

/**
 * The demo's story as the audit log tells it, written in one statement from
 * the rows the seed just made: teams and blackouts set up, each request asked
 * for by its PM, released by the line manager and approved (or turned down)
 * by the host, placements booked and cancelled, check-ins filed, finals
 * assessed, midpoint feedback given, each by the person who did it, at the
 * time it happened. Nothing after `now` is written. The seed runs on an empty
 * programme, so every row of these tables is the seed's. Returns the rows written.
 */
export async function recordDemoAudit(m: EntityManager, now: Date): Promise<number> {
  const written: { count: number }[] = await m.query(
    `WITH story (actor_id, action, entity_type, entity_id, before, after, at) AS (
       SELECT NULL::uuid, 'team.created', 'team', t.id, NULL::jsonb,
              jsonb_build_object('name', t.name, 'managerId', t.manager_id, 'capacity', t.capacity), t.created_at
         FROM teams t
       UNION ALL
       SELECT b.created_by, 'blackout.created', 'blackout', b.id, NULL,
              jsonb_build_object('teamId', b.team_id, 'startsOn', b.starts_on, 'endsOn', b.ends_on, 'reason', b.reason),
              b.created_at
         FROM blackouts b
       UNION ALL
       SELECT r.pm_id, 'request.submitted', 'rotation_request', r.id, NULL, ${REQUEST_SNAPSHOT(`'pending_manager'`)},
              r.created_at
         FROM rotation_requests r
       UNION ALL
       SELECT a.by_id,
              CASE WHEN a.decision = 'rejected' THEN 'request.rejected'
                   WHEN a.step = 'manager' THEN 'request.released' ELSE 'request.booked' END,
              'rotation_request', r.id,
              ${REQUEST_SNAPSHOT(`CASE WHEN a.step = 'manager' THEN 'pending_manager' ELSE 'pending_host' END`)},
              ${REQUEST_SNAPSHOT(`CASE WHEN a.decision = 'rejected' THEN 'rejected'
                                       WHEN a.step = 'manager' THEN 'pending_host' ELSE 'booked' END`)},
              a.at
         FROM request_approvals a JOIN rotation_requests r ON r.id = a.request_id
       UNION ALL
       SELECT t.manager_id, 'placement.booked', 'placement', p.id, NULL,
              ${PLACEMENT_SNAPSHOT} - 'cancelledAt' - 'cancelledReason', p.created_at
         FROM placements p JOIN teams t ON t.id = p.team_id
       UNION ALL
       SELECT p.cancelled_by, 'placement.cancelled', 'placement', p.id, NULL, ${PLACEMENT_SNAPSHOT}, p.cancelled_at
         FROM placements p WHERE p.cancelled_at IS NOT NULL
       UNION ALL
       SELECT c.completed_by, CASE WHEN c.kind = 'pulse' THEN 'check_in.pulse' ELSE 'check_in.completed' END,
              'check_in', c.id, NULL,
              CASE WHEN c.kind = 'pulse' THEN jsonb_build_object('ratings', ${RATINGS}, 'wouldSendAgain', c.would_send_again)
                   ELSE jsonb_build_object('ratings', ${RATINGS}, 'notes', c.notes, 'goalOutcomes', c.goal_outcomes) END,
              c.completed_at
         FROM check_ins c WHERE c.completed_at IS NOT NULL
       UNION ALL
       SELECT s.by_id, 'check_in.assessed', 'check_in', s.check_in_id, NULL,
              jsonb_build_object('ratings', s.ratings, 'notes', s.notes), s.created_at
         FROM check_in_assessments s
       UNION ALL
       SELECT f.by_id, 'check_in.feedback', 'check_in', f.check_in_id, NULL, jsonb_build_object('text', f.text), f.at
         FROM check_in_feedback f
     ), written AS (
       INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, at)
       SELECT actor_id, action, entity_type, entity_id, before, after, at FROM story WHERE at <= $1
       RETURNING 1
     )
     SELECT count(*)::int AS count FROM written`,
    [now],
  );
  return written[0]?.count ?? 0;
}
