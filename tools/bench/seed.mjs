// Bulk seeding of a large programme straight into PostgreSQL (generate_series on the
// server, one statement per table per chunk), after the API has run its migrations.
//
// Ids are deterministic (md5(tag || n) shaped as a v4 UUID), so every reference is arithmetic
// and no id has to travel back to the client.
//
// Layout, with T teams of `lanes` seats in use (capacity lanes + 1) and S slots
// of W weeks on one calendar grid shared by every team:
//   placement k (0 ≤ k < T·lanes·S): slot s = ⌊k / (T·lanes)⌋, team ⌊(k mod T·lanes) / lanes⌋,
//   PM k mod P, start = base + 7·W·s.
// Within a slot the T·lanes placements have distinct PMs (T·lanes ≤ P), and
// slots never share a day, so no PM ever holds two placements on one day, and
// no team ever has more than `lanes` < capacity placements on a day.
import bcrypt from 'bcryptjs';

export const BENCH_PASSWORD = 'bench-password';

const DAY = 86_400_000;

export function isoDate(d) {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso, days) {
  return isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
}

/** The Monday on or before a date. */
export function mondayOnOrBefore(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(iso, -back);
}

/** The W + 2 check-ins of an 8-week placement starting on a Monday (no holidays): [index, kind, day offset]. */
export const CADENCE_8_WEEKS = [
  [0, 'kickoff', 0],
  [1, 'weekly', 7],
  [2, 'weekly', 14],
  [3, 'weekly', 21],
  [4, 'midpoint', 28],
  [5, 'weekly', 35],
  [6, 'weekly', 42],
  [7, 'weekly', 49],
  [8, 'final', 53], // the end is a Sunday: the final moves back to Friday
  [9, 'follow_up', 85], // end + 30 days, a Tuesday
];

/** A deterministic id, shaped as a version-4 UUID (validators check the version and variant nibbles). */
export const userId = (kind, n) =>
  `overlay(overlay(md5('${kind}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Seeds the programme. `onProgress(label, done, total)` is called after each chunk.
 * Returns what the measurements need to know about the data.
 */
export async function seedProgramme(client, options, onProgress = () => undefined) {
  const { teams, lanes, slots, managers, pms, weeks = 8, pendingRequests = 0, today } = options;
  if (weeks !== 8) throw new Error('the seeded cadence is the 8-week one');
  const perSlot = teams * lanes;
  if (perSlot > pms) throw new Error(`need at least ${perSlot} PMs for ${teams} teams × ${lanes} lanes`);
  const placements = perSlot * slots;
  const span = slots * weeks * 7;
  // Half of the programme lies behind, half ahead.
  const base = mondayOnOrBefore(addDays(today, -Math.floor(span / 2)));
  const gridEnd = addDays(base, span);
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 8);

  await client.query('BEGIN');
  await client.query(
    `INSERT INTO users (id, email, name, role, manager_id, timezone, password_hash)
     SELECT ${userId('mgr', 'i')}, 'manager' || i || '@bench.stint', 'Manager ' || i, 'manager', NULL, 'UTC', $1
       FROM generate_series(0, $2::int - 1) i`,
    [hash, managers],
  );
  await client.query(
    `INSERT INTO users (id, email, name, role, manager_id, timezone, password_hash)
     SELECT ${userId('pm', 'i')}, 'pm' || i || '@bench.stint', 'PM ' || i, 'pm', ${userId('mgr', '(i % $3::int)')}, 'UTC', $1
       FROM generate_series(0, $2::int - 1) i`,
    [hash, pms, managers],
  );
  await client.query(
    `INSERT INTO teams (id, name, region, segment, manager_id, capacity, timezone)
     SELECT ${userId('team', 'i')}, 'Bench team ' || lpad(i::text, 3, '0'),
            (ARRAY['EMEA', 'AMER', 'APAC'])[1 + i % 3], (ARRAY['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3],
            ${userId('mgr', '(i % $2::int)')}, $3::int, 'UTC'
       FROM generate_series(0, $1::int - 1) i`,
    [teams, managers, lanes + 1],
  );
  await client.query('COMMIT');
  onProgress('users and teams', 1, 1);

  const cadence = CADENCE_8_WEEKS.map(([i, kind, off]) => `(${i}, '${kind}', ${off})`).join(', ');
  let checkIns = 0;
  for (let s = 0; s < slots; s++) {
    const start = addDays(base, s * weeks * 7);
    const k0 = s * perSlot;
    const k1 = k0 + perSlot - 1;
    const params = [k0, k1, start, pms, perSlot, lanes, managers];
    await client.query('BEGIN');
    // One booked request per placement, created a month before its start (never in the future).
    await client.query(
      `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status,
                                      created_by, created_at, updated_at, pending_since)
       SELECT ${userId('rq', 'k')}, ${userId('pm', '(k % $4::int)')}, ${userId('team', '((k % $5::int) / $6::int)')},
              $3::date, $3::date + 55, 8, '["negotiation", "closing"]'::jsonb, 'Bench programme', 'booked',
              ${userId('pm', '(k % $4::int)')}, c.at, c.at + interval '2 days', c.at
         FROM generate_series($1::int, $2::int) k
         CROSS JOIN LATERAL (SELECT least(now() - interval '1 day', ($3::date - 30)::timestamp AT TIME ZONE 'UTC' + (k % 997) * interval '1 minute') AS at) c`,
      params.slice(0, 6),
    );
    await client.query(
      `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at)
       SELECT r.id, s.step, 'approved', CASE s.step WHEN 'manager' THEN pm.manager_id ELSE t.manager_id END, '', r.created_at + s.after
         FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
         CROSS JOIN (VALUES ('manager', interval '1 day'), ('host', interval '2 days')) s(step, after)
        WHERE r.id IN (SELECT ${userId('rq', 'k')} FROM generate_series($1::int, $2::int) k)`,
      [k0, k1],
    );
    // About 1 % cancelled (k mod 97 = 13). Booked four weeks before the start, and never later than yesterday (a
    // programme's rows were written over months, not in the last minutes: the reconciler's tick of changes tells).
    await client.query(
      `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks,
                               cancelled_at, cancelled_reason, sequence, created_at, updated_at)
       SELECT ${userId('pl', 'k')}, ${userId('rq', 'k')}, ${userId('pm', '(k % $4::int)')}, ${userId('team', '((k % $5::int) / $6::int)')},
              $3::date, $3::date + 55, 8,
              CASE WHEN k % 97 = 13 THEN least(now(), ($3::date - 3)::timestamp AT TIME ZONE 'UTC') END,
              CASE WHEN k % 97 = 13 THEN 'Bench: plans changed' END,
              CASE WHEN k % 97 = 13 THEN 1 ELSE 0 END,
              least(now() - interval '1 day', ($3::date - 28)::timestamp AT TIME ZONE 'UTC'),
              least(now() - interval '1 day', ($3::date - 28)::timestamp AT TIME ZONE 'UTC')
         FROM generate_series($1::int, $2::int) k`,
      params.slice(0, 6),
    );
    await client.query(
      `UPDATE rotation_requests r SET placement_id = ${userId('pl', 'k')}
         FROM generate_series($1::int, $2::int) k WHERE r.id = ${userId('rq', 'k')}`,
      [k0, k1],
    );
    // The cadence; past check-ins of live placements are about 85 % completed, with ratings that improve.
    const inserted = await client.query(
      `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at, completed_at, rating_negotiation, rating_closing,
                              rating_persistence, notes, cancelled_at, invite_sequence, created_at, updated_at)
       SELECT p.id, c.kind, p.start_date + c.off, x.at,
              CASE WHEN x.done THEN x.at + interval '2 hours' END,
              CASE WHEN x.done THEN least(5, 1 + c.i / 3 + (x.h & 1)) END,
              CASE WHEN x.done THEN least(5, 1 + c.i / 4 + (x.h >> 1 & 1)) END,
              CASE WHEN x.done THEN least(5, 2 + c.i / 4 + (x.h >> 2 & 1)) END,
              CASE WHEN x.done THEN 'Learned something about the pipeline.' ELSE '' END,
              CASE WHEN p.cancelled_at IS NOT NULL THEN p.cancelled_at END,
              CASE WHEN p.cancelled_at IS NOT NULL THEN 1 ELSE 0 END,
              p.created_at, p.created_at
         FROM placements p
         CROSS JOIN (VALUES ${cadence}) c(i, kind, off)
         CROSS JOIN LATERAL (
           SELECT ((p.start_date + c.off) + time '10:00') AT TIME ZONE 'UTC' AS at,
                  hashtext(p.id::text || c.i) AS h) y
         CROSS JOIN LATERAL (
           SELECT y.at, y.h, (y.at < now() AND p.cancelled_at IS NULL AND (y.h & 127) < 109) AS done) x
        WHERE p.id IN (SELECT ${userId('pl', 'k')} FROM generate_series($1::int, $2::int) k)`,
      [k0, k1],
    );
    checkIns += inserted.rowCount;
    await client.query('COMMIT');
    onProgress('placements', k1 + 1, placements, `(${checkIns.toLocaleString('en-US')} check-ins)`);
  }

  if (pendingRequests > 0) {
    // Pending requests after the grid: PM i (i < pendingRequests), one each, so they never overlap. Their wait
    // starts on a whole millisecond, as the API writes it (a nudge job names its wait to the millisecond).
    await client.query(
      `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status,
                                      created_by, created_at, updated_at, pending_since)
       SELECT ${userId('pending', 'i')}, ${userId('pm', 'i')}, ${userId('team', '(i % $2::int)')},
              $3::date + 7 * (i % 10), $3::date + 7 * (i % 10) + 13, 2, '["closing"]'::jsonb, 'Bench: waiting',
              CASE WHEN i % 2 = 0 THEN 'pending_manager' ELSE 'pending_host' END,
              ${userId('pm', 'i')}, now() - (i % 60) * interval '1 hour', now() - (i % 60) * interval '1 hour',
              date_trunc('milliseconds', now() - (i % 60) * interval '1 hour')
         FROM generate_series(0, $1::int - 1) i`,
      [pendingRequests, teams, gridEnd],
    );
    await client.query(
      `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at)
       SELECT r.id, 'manager', 'approved', pm.manager_id, '', r.created_at
         FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id WHERE r.status = 'pending_host'`,
    );
    onProgress('pending requests', pendingRequests, pendingRequests);
  }

  return { base, gridEnd, placements, checkIns };
}

/** Planner statistics and the visibility map, as a long-running database would have them. */
export async function vacuumAnalyze(client) {
  await client.query('VACUUM (ANALYZE)');
}
