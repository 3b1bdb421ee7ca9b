// Host approvals for `npm run bench`: under contention, and one at a time for reference.
import { availableParallelism } from 'node:os';
import { cpuDuring, fmt, log, login, summarize } from '../lib.mjs';
import { addDays, BENCH_PASSWORD, userId } from '../seed.mjs';
import { cannon, statusText } from './cannon.mjs';
import { BASE, PER_ROUND, ROUND_CAPACITY, ROUNDS, SCALE, SERIAL_APPROVALS } from './config.mjs';

function cpuText(cpu, count) {
  const postgres = cpu.postgres === null ? 'not seen' : `${fmt(cpu.postgres / count)} ms`;
  return `CPU per approval request (booked or refused): API ${fmt(cpu.api / count)} ms, PostgreSQL ${postgres} (/proc, 10 ms ticks over ${count})`;
}

/**
 * What no approval code can beat on this machine, beside the row's figures: a bare health check sent the same way
 * (20 at once on fresh connections, just before each round), and the CPU one round took. The API answers on one
 * thread, so a round's last answers cannot come before the API's CPU for the round has been spent; nor before
 * the API's and PostgreSQL's together, spread over every core.
 */
function floorText(cpu, health) {
  const perRound = (ms) => ms / ROUNDS;
  const cores = availableParallelism();
  const both = cpu.postgres === null ? null : perRound(cpu.api + cpu.postgres) / cores;
  return `floor on this machine: a bare health check ${PER_ROUND} at once p50 ${fmt(health.p50)} ms, p95 ${fmt(health.p95)} ms; CPU per round: API ${fmt(perRound(cpu.api))} ms on its one thread, API and PostgreSQL ${both === null ? 'not seen' : `${fmt(both)} ms`} over ${cores} cores`;
}

/**
 * Measures host approvals under contention, adding its row to `rows`; returns each round's outcome. `api`: the
 * API's process, whose CPU time (and PostgreSQL's) per approval the row's note gives.
 */
export async function measureContendedApprovals(db, seeded, rows, api) {
  // Host approval under contention: rounds of 20 pending_host requests (20 PMs, same dates)
  // into a fresh capacity-3 team, approved at once by the host manager.
  log(
    `contention: ${ROUNDS + 1} rounds (1 warm-up) of ${PER_ROUND} concurrent host approvals into a capacity-${ROUND_CAPACITY} team`,
  );
  const rounds = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const start = addDays(seeded.gridEnd, 210 + r * 14);
    const pmBase = SCALE.pendingRequests + r * PER_ROUND;
    await db.query(
      `INSERT INTO teams (id, name, region, segment, manager_id, capacity, timezone)
       VALUES (${userId('cteam', '$1::int')}, 'Contention team ' || $1::int, 'EMEA', 'Enterprise', ${userId('mgr', '$1::int')}, $2::int, 'UTC')`,
      [r, ROUND_CAPACITY],
    );
    const inserted = await db.query(
      `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status, created_by, pending_since)
       SELECT ${userId('pm', '($1::int + j)')}, ${userId('cteam', '$2::int')}, $3::date, $3::date + 13, 2, '["closing"]'::jsonb,
              'Bench: contention', 'pending_host', ${userId('pm', '($1::int + j)')}, now()
         FROM generate_series(0, $4::int - 1) j
       RETURNING id`,
      [pmBase, r, start, PER_ROUND],
    );
    const ids = inserted.rows.map((row) => row.id);
    await db.query(
      `INSERT INTO request_approvals (request_id, step, decision, by_id, comment)
       SELECT r.id, 'manager', 'approved', pm.manager_id, '' FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    const hostToken = await login(BASE, `manager${r}@bench.stint`, BENCH_PASSWORD);
    rounds.push({ r, ids, hostToken });
  }
  await db.query('ANALYZE');

  const healthBursts = [];
  const approvalLatencies = [];
  const approvalStatuses = {};
  const codes = {};
  const roundOutcomes = [];
  const unexpected = new Map();
  const cpu = { api: 0, postgres: 0 };
  for (const { r, ids, hostToken } of rounds) {
    const health = await cannon({
      title: 'health burst',
      pathFor: () => '/api/health',
      connections: PER_ROUND,
      amount: PER_ROUND,
    });
    let next = 0;
    const roundCodes = {};
    const { result, cpu: used } = await cpuDuring(api, () =>
      cannon({
        title: `approve round ${r}`,
        method: 'POST',
        body: { comment: 'Welcome aboard', step: 'host' },
        token: hostToken,
        connections: PER_ROUND,
        amount: PER_ROUND,
        onePathPerConnection: true,
        pathFor: () => `/api/rotation-requests/${ids[next++]}/approve`,
        onResponse: (status, body) => {
          let code = String(status);
          try {
            code = status === 200 ? JSON.parse(body).status : JSON.parse(body).code;
          } catch {
            // keep the status
          }
          roundCodes[code] = (roundCodes[code] ?? 0) + 1;
          if (status !== 200 && code !== 'CAPACITY_FULL' && !unexpected.has(code)) {
            unexpected.set(code, body.slice(0, 300));
            log(`  unexpected answer ${status} ${code}: ${body.slice(0, 300)}`);
          }
        },
      }),
    );
    const live = (
      await db.query(
        `SELECT count(*)::int AS n FROM placements WHERE team_id = ${userId('cteam', '$1::int')} AND cancelled_at IS NULL`,
        [r],
      )
    ).rows[0].n;
    const ok =
      result.statuses['200'] === ROUND_CAPACITY &&
      result.statuses['409'] === PER_ROUND - ROUND_CAPACITY &&
      live === ROUND_CAPACITY;
    roundOutcomes.push({ r, statuses: result.statuses, codes: roundCodes, live, ok });
    log(
      `  round ${r}${r === 0 ? ' (warm-up)' : ''}: ${statusText(result.statuses)} [${statusText(roundCodes)}], live placements ${live}, p50 ${fmt(result.p50)} ms, max ${fmt(result.max)} ms${ok ? '' : '  << UNEXPECTED'}`,
    );
    if (r === 0) continue;
    cpu.api += used.api;
    cpu.postgres = cpu.postgres === null || used.postgres === null ? null : cpu.postgres + used.postgres;
    healthBursts.push(...health.latencies);
    approvalLatencies.push(...result.latencies);
    for (const [k, v] of Object.entries(result.statuses)) approvalStatuses[k] = (approvalStatuses[k] ?? 0) + v;
    for (const [k, v] of Object.entries(roundCodes)) codes[k] = (codes[k] ?? 0) + v;
  }
  const approval = { ...summarize(approvalLatencies), statuses: approvalStatuses, rps: null };
  const approvalHealth = summarize(healthBursts);
  rows.push({
    key: 'approve',
    label: `POST /api/rotation-requests/:id/approve, ${PER_ROUND} at once into a capacity-${ROUND_CAPACITY} team × ${ROUNDS} rounds`,
    result: approval,
    health: approvalHealth,
    target: 'p95 < 60 ms, exactly the capacity booked',
    check: (r) => r.p95 < 60 && roundOutcomes.slice(1).every((o) => o.ok),
    note: `${statusText(codes)}; every round exactly 3 booked and 17 refused (409): ${roundOutcomes.slice(1).every((o) => o.ok) ? 'yes' : 'NO'}; ${cpuText(cpu, approvalLatencies.length)}; ${floorText(cpu, approvalHealth)}`,
  });
  return roundOutcomes;
}

/** For reference: the same approval without contention, one at a time into a roomy team; adds its row to `rows`. */
export async function measureSerialApprovals(db, seeded, rows, api) {
  const r = ROUNDS + 1;
  const start = addDays(seeded.gridEnd, 210 + r * 14);
  const pmBase = SCALE.pendingRequests + r * PER_ROUND;
  await db.query(
    `INSERT INTO teams (id, name, region, segment, manager_id, capacity, timezone)
     VALUES (${userId('cteam', '$1::int')}, 'Serial team', 'EMEA', 'Enterprise', ${userId('mgr', '$1::int')}, $2::int, 'UTC')`,
    [r, SERIAL_APPROVALS],
  );
  const inserted = await db.query(
    `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status, created_by, pending_since)
     SELECT ${userId('pm', '($1::int + j)')}, ${userId('cteam', '$2::int')}, $3::date, $3::date + 13, 2, '["closing"]'::jsonb,
            'Bench: serial', 'pending_host', ${userId('pm', '($1::int + j)')}, now()
       FROM generate_series(0, $4::int - 1) j
     RETURNING id`,
    [pmBase, r, start, SERIAL_APPROVALS],
  );
  const ids = inserted.rows.map((row) => row.id);
  const hostToken = await login(BASE, `manager${r}@bench.stint`, BENCH_PASSWORD);
  const health = await cannon({
    title: 'health serial',
    pathFor: () => '/api/health',
    connections: 1,
    amount: SERIAL_APPROVALS,
  });
  let next = 0;
  const { result, cpu } = await cpuDuring(api, () =>
    cannon({
      title: 'approve serial',
      method: 'POST',
      body: { comment: 'Welcome aboard', step: 'host' },
      token: hostToken,
      connections: 1,
      amount: SERIAL_APPROVALS,
      pathFor: () => `/api/rotation-requests/${ids[next++ % ids.length]}/approve`,
    }),
  );
  log(`  one at a time: ${statusText(result.statuses)}, p50 ${fmt(result.p50)} ms, max ${fmt(result.max)} ms`);
  rows.push({
    key: 'approve-serial',
    label: `POST /api/rotation-requests/:id/approve, one at a time (no contention)`,
    result: { ...result, rps: null },
    health,
    target: 'p50 ≤ 10× health',
    check: (r, h) => r.p50 <= 10 * h.p50,
    note: `${statusText(result.statuses)}; ${cpuText(cpu, SERIAL_APPROVALS)}`,
  });
}
