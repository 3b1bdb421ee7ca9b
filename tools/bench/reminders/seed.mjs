// The reminder benchmark's programme: N PMs, each with one active placement and one check-in due in the window.
import bcrypt from 'bcryptjs';
import { progress } from '../lib.mjs';
import { BENCH_PASSWORD, isoDate, mondayOnOrBefore, userId } from '../seed.mjs';
import { LEAD_HOURS, N, OFFSET_S, TEAMS, WINDOW_S } from './config.mjs';

export async function seed(db, t0) {
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 8);
  const today = isoDate(new Date(t0));
  const start = mondayOnOrBefore(today);
  const perTeam = Math.ceil(N / TEAMS);
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO users (id, email, name, role, manager_id, timezone, password_hash)
     SELECT ${userId('mgr', 'i')}, 'manager' || i || '@bench.stint', 'Manager ' || i, 'manager', NULL, 'UTC', $1 FROM generate_series(0, $2::int - 1) i`,
    [hash, TEAMS],
  );
  await db.query(
    `INSERT INTO users (id, email, name, role, manager_id, timezone, password_hash)
     SELECT ${userId('pm', 'i')}, 'pm' || i || '@bench.stint', 'PM ' || i, 'pm', ${userId('mgr', '((i + 1) % $3::int)')}, 'UTC', $1
       FROM generate_series(0, $2::int - 1) i`,
    [hash, N, TEAMS],
  );
  await db.query(
    `INSERT INTO teams (id, name, manager_id, capacity, timezone)
     SELECT ${userId('team', 'i')}, 'Bench team ' || lpad(i::text, 3, '0'), ${userId('mgr', 'i')}, $2::int, 'UTC' FROM generate_series(0, $1::int - 1) i`,
    [TEAMS, perTeam + 5],
  );
  progress('  users and teams', 1, 1);
  // One active 4-week placement per PM (so PMs never overlap), each with one open check-in.
  await db.query(
    `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, goals, status, created_by)
     SELECT ${userId('rq', 'i')}, ${userId('pm', 'i')}, ${userId('team', '(i % $2::int)')}, $3::date, $3::date + 27, 4, '["closing"]'::jsonb, 'booked', ${userId('pm', 'i')}
       FROM generate_series(0, $1::int - 1) i`,
    [N, TEAMS, start],
  );
  await db.query(
    `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks)
     SELECT ${userId('pl', 'i')}, ${userId('rq', 'i')}, ${userId('pm', 'i')}, ${userId('team', '(i % $2::int)')}, $3::date, $3::date + 27, 4
       FROM generate_series(0, $1::int - 1) i`,
    [N, TEAMS, start],
  );
  await db.query(
    `UPDATE rotation_requests r SET placement_id = ${userId('pl', 'i')} FROM generate_series(0, $1::int - 1) i WHERE r.id = ${userId('rq', 'i')}`,
    [N],
  );
  progress('  placements', N, N);
  // Check-in i at t0 + 24 h + OFFSET + i·60 s / N: its reminder (24 h lead) falls due in the minute after OFFSET.
  await db.query(
    `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at)
     SELECT ${userId('pl', 'i')}, 'weekly', (x.at AT TIME ZONE 'UTC')::date, x.at
       FROM generate_series(0, $1::int - 1) i
       CROSS JOIN LATERAL (SELECT to_timestamp(($2::bigint + $3::bigint * 1000 + (i::bigint * $4::bigint * 1000) / $1::int) / 1000.0) AS at) x`,
    [N, t0 + LEAD_HOURS * 3_600_000, OFFSET_S, WINDOW_S],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
  progress('  check-ins', N, N);
}
