import bcrypt from 'bcryptjs';
import type { Client } from 'pg';

/*
 * The benchmark's placement scale, for query-health: 200 teams, 1,300 users,
 * 20,000 placements, 80,000 check-ins, 20,200 rotation requests (40,000
 * approvals), bulk-inserted by SQL in a few seconds, then VACUUM ANALYZE as a
 * long-running database would have it.
 */

export const TEAMS = 200;
export const LANES = 5; // placements per team per day; capacity is LANES + 1
export const SLOTS = 20; // consecutive fortnights on one grid shared by all teams
export const PMS = 1100; // ≥ TEAMS × LANES, so PMs never overlap within a slot
export const PENDING = 200;
export const PASSWORD = 'query-health-1';

/** Deterministic ids (md5 shaped as a v4 UUID), so seeding needs no round trips. */
export const idSql = (tag: string, n: string) =>
  `overlay(overlay(md5('${tag}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Seeds the programme around `today` (YYYY-MM-DD) through `direct`, a connection straight to the database. */
export async function seedAtScale(direct: Client, today: string): Promise<void> {
  // The grid: fortnights starting on a Monday, half behind today, half ahead.
  const startDay = new Date(`${today}T00:00:00Z`);
  startDay.setUTCDate(startDay.getUTCDate() - ((startDay.getUTCDay() + 6) % 7) - 14 * (SLOTS / 2));
  const gridStart = startDay.toISOString().slice(0, 10);
  const hash = bcrypt.hashSync(PASSWORD, 4);
  const perSlot = TEAMS * LANES;

  await direct.query('BEGIN');
  await direct.query(
    `INSERT INTO users (id, email, name, role, manager_id, password_hash)
     SELECT ${idSql('mgr', 'i')}, 'qh-manager' || i || '@test.stint', 'Manager ' || i, 'manager', NULL, $1 FROM generate_series(0, $2::int - 1) i`,
    [hash, TEAMS],
  );
  await direct.query(
    `INSERT INTO users (id, email, name, role, manager_id, password_hash)
     SELECT ${idSql('pm', 'i')}, 'qh-pm' || i || '@test.stint', 'PM ' || i, 'pm', ${idSql('mgr', '(i % $3::int)')}, $1 FROM generate_series(0, $2::int - 1) i`,
    [hash, PMS, TEAMS],
  );
  await direct.query(
    `INSERT INTO teams (id, name, manager_id, capacity)
     SELECT ${idSql('team', 'i')}, 'QH team ' || i, ${idSql('mgr', 'i')}, $2::int FROM generate_series(0, $1::int - 1) i`,
    [TEAMS, LANES + 1],
  );
  // Placement k: slot ⌊k / perSlot⌋, team ⌊(k mod perSlot) / LANES⌋, PM k mod PMS, two weeks.
  const k = `generate_series(0, ${perSlot * SLOTS - 1}) k`;
  const start = `($1::date + 14 * (k / ${perSlot}))`;
  await direct.query(
    `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, status, created_at, pending_since)
     SELECT ${idSql('rq', 'k')}, ${idSql('pm', `(k % ${PMS})`)}, ${idSql('team', `((k % ${perSlot}) / ${LANES})`)}, ${start}, ${start} + 13, 2, 'booked',
            least(now(), (${start} - 20)::timestamp AT TIME ZONE 'UTC' + k * interval '1 second'), now()
       FROM ${k}`,
    [gridStart],
  );
  await direct.query(
    `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks, cancelled_at, cancelled_reason)
     SELECT ${idSql('pl', 'k')}, ${idSql('rq', 'k')}, ${idSql('pm', `(k % ${PMS})`)}, ${idSql('team', `((k % ${perSlot}) / ${LANES})`)}, ${start}, ${start} + 13, 2,
            CASE WHEN k % 97 = 13 THEN now() END, CASE WHEN k % 97 = 13 THEN 'changed plans' END
       FROM ${k}`,
    [gridStart],
  );
  await direct.query(
    `UPDATE rotation_requests r SET placement_id = ${idSql('pl', 'k')} FROM ${k} WHERE r.id = ${idSql('rq', 'k')}`,
  );
  await direct.query(
    `INSERT INTO request_approvals (request_id, step, decision, by_id, at)
     SELECT r.id, s.step, 'approved', CASE s.step WHEN 'manager' THEN pm.manager_id ELSE t.manager_id END, r.created_at
       FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
      CROSS JOIN (VALUES ('manager'), ('host')) s(step)`,
  );
  // W + 2 = 4 check-ins per fortnight: kickoff, midpoint (day 7), final (Friday, day 11), follow-up (day 43).
  await direct.query(
    `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at, completed_at, rating_negotiation, rating_closing, rating_persistence, cancelled_at)
     SELECT p.id, c.kind, p.start_date + c.off, x.at,
            CASE WHEN x.done THEN x.at END, CASE WHEN x.done THEN 3 END, CASE WHEN x.done THEN 3 END, CASE WHEN x.done THEN 4 END,
            p.cancelled_at
       FROM placements p
      CROSS JOIN (VALUES ('kickoff', 0), ('midpoint', 7), ('final', 11), ('follow_up', 43)) c(kind, off)
      CROSS JOIN LATERAL (SELECT ((p.start_date + c.off) + time '10:00') AT TIME ZONE 'UTC' AS at) y
      CROSS JOIN LATERAL (SELECT y.at, (y.at < now() AND p.cancelled_at IS NULL AND hashtext(p.id::text || c.kind) % 7 <> 0) AS done) x`,
  );
  await direct.query(
    `INSERT INTO check_in_feedback (check_in_id, by_id, text)
     SELECT c.id, t.manager_id, 'Good progress.' FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN teams t ON t.id = p.team_id
      WHERE c.completed_at IS NOT NULL AND hashtext(c.id::text) % 5 = 0`,
  );
  // Pending requests after the grid, one per PM, so they never overlap.
  await direct.query(
    `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, status, pending_since)
     SELECT ${idSql('pm', 'i')}, ${idSql('team', `(i % ${TEAMS})`)}, $1::date + 14 * ${SLOTS} + 7 * (i % 8), $1::date + 14 * ${SLOTS} + 7 * (i % 8) + 13, 2,
            CASE WHEN i % 2 = 0 THEN 'pending_manager' ELSE 'pending_host' END, now() - i * interval '1 minute'
       FROM generate_series(0, ${PENDING - 1}) i`,
    [gridStart],
  );
  await direct.query('COMMIT');
  await direct.query('VACUUM (ANALYZE)');
}
