#!/usr/bin/env node
// `npm run bench`: seeds a large programme into its own database, starts the built
// API, and measures the busiest endpoints with autocannon, each beside a bare
// GET /api/health measured in the same run. Results: a table on stdout and the
// "bench:api" section of docs/benchmarks.md.
//
// Environment: BENCH_DATABASE_URL (any database URL on the server to use; the
// script creates and drops its own `stint_bench`), REDIS_URL, BENCH_PORT (3390),
// BENCH_DURATION (seconds per measurement, 10), BENCH_CONNECTIONS (4),
// BENCH_QUICK=1 (a small programme and 2 s runs, to try the script out; not written to the docs).
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_MAIN,
  Child,
  clearRedisPrefix,
  connect,
  databaseUrl,
  dropDatabase,
  fmt,
  http,
  log,
  login,
  machine,
  machineMarkdown,
  onInterrupt,
  progress,
  recreateDatabase,
  requireBuild,
  summarize,
  table,
  textTable,
  waitForHealth,
  WORKER_MAIN,
  writeSection,
} from './lib.mjs';
import { addDays, BENCH_PASSWORD, isoDate, seedProgramme, userId, vacuumAnalyze } from './seed.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const SCALE = QUICK
  ? { teams: 20, lanes: 5, slots: 4, managers: 20, pms: 180, pendingRequests: 100 }
  : { teams: 200, lanes: 5, slots: 20, managers: 200, pms: 1800, pendingRequests: 1000 };
const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 2 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
const ROUNDS = QUICK ? 3 : 10; // measured contention rounds (plus one warm-up round)
const PER_ROUND = 20;
const ROUND_CAPACITY = 3;
const PAGE_SIZE = 50;

const runId = Date.now().toString(36);
const DB_URL = databaseUrl('stint_bench');
const PREFIX = `stint-bench-${runId}`;
const BASE = `http://127.0.0.1:${PORT}`;

/** One autocannon run; every response's latency is kept so p95 is exact (autocannon itself reports p90/p97.5). */
async function cannon({ title, method = 'GET', pathFor, token, body, connections, duration, amount, onResponse }) {
  const latencies = [];
  const statuses = {};
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const instance = autocannon({
    url: BASE,
    title,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout: 30,
    headers,
    requests: [
      {
        method,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        setupRequest: (request) => ({ ...request, path: pathFor() }),
        ...(onResponse && { onResponse }),
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const elapsedS = (result.duration ?? duration) || 1;
  return {
    ...summarize(latencies),
    latencies,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: latencies.length / elapsedS,
  };
}

function statusText(statuses) {
  return Object.entries(statuses)
    .map(([code, n]) => `${n}×${code}`)
    .join(', ');
}

async function main() {
  requireBuild([API_MAIN, WORKER_MAIN]);
  const date = new Date();
  const today = isoDate(date);
  const admin = await connect(databaseUrl('postgres'));
  const machineInfo = await machine(admin, REDIS_URL);
  await admin.end();
  log(
    `machine: ${machineInfo.cores} cores, ${machineInfo.memoryGiB.toFixed(1)} GiB, node ${machineInfo.node}, PostgreSQL ${machineInfo.postgres}, Redis ${machineInfo.redis}`,
  );

  log(`database ${DB_URL} (drop/create), queue prefix ${PREFIX}`);
  await recreateDatabase(DB_URL);
  const varDir = mkdtempSync(join(tmpdir(), 'stint-bench-'));
  const api = new Child('api', API_MAIN, {
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    STINT_VAR_DIR: varDir,
    DASHBOARD_DIR: '/nonexistent',
    SEED_DEMO: 'false',
  });
  const db = await connect(DB_URL);
  onInterrupt(async () => {
    await api.stop(3000);
    await dropDatabase(DB_URL);
    await clearRedisPrefix(REDIS_URL, PREFIX);
    rmSync(varDir, { recursive: true, force: true });
  });
  let summary;
  try {
    log(`starting the built API (pid ${api.pid}, port ${PORT}); it creates the schema`);
    await waitForHealth(BASE, api);

    log(
      `seeding ${SCALE.teams} teams, ${SCALE.managers + SCALE.pms} users, ${(SCALE.teams * SCALE.lanes * SCALE.slots).toLocaleString('en-US')} placements …`,
    );
    const seedStarted = Date.now();
    const seeded = await seedProgramme(db, { ...SCALE, today }, (label, done, total, extra) =>
      progress(`  ${label}`, done, total, extra),
    );
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(1)} s; VACUUM ANALYZE …`);
    const vacuumStarted = Date.now();
    await vacuumAnalyze(db);
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    const counts = (
      await db.query(`SELECT (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM users)::int AS users,
                             (SELECT count(*) FROM placements)::int AS placements, (SELECT count(*) FROM check_ins)::int AS check_ins,
                             (SELECT count(*) FROM rotation_requests)::int AS requests, (SELECT count(*) FROM request_approvals)::int AS approvals,
                             pg_size_pretty(pg_database_size(current_database())) AS size`)
    ).rows[0];
    log(`dataset: ${JSON.stringify(counts)} (vacuum ${vacuumSeconds.toFixed(1)} s)`);

    const adminToken = await login(BASE, 'admin@stint.local', 'admin');
    const teamIds = (await db.query(`SELECT id FROM teams ORDER BY name`)).rows.map((r) => r.id);
    const slotPm = (await db.query(`SELECT ${userId('pm', 5)} AS id`)).rows[0].id;
    // The dashboard's figures as a manager (host of one team, line manager of ~9 PMs): see the admin probe below.
    const managerToken = await login(BASE, 'manager0@bench.stint', BENCH_PASSWORD);
    const pages = Math.ceil(seeded.placements / PAGE_SIZE);
    const random = (n) => Math.floor(Math.random() * n);

    const scenarios = [
      {
        key: 'placements',
        label: `GET /api/placements?page=1…${pages}&pageSize=${PAGE_SIZE} (admin)`,
        pathFor: () => `/api/placements?page=${1 + random(pages)}&pageSize=${PAGE_SIZE}`,
        target: 'p50 ≤ 2× health p50',
        check: (r, h) => r.p50 <= 2 * h.p50,
      },
      {
        key: 'stats',
        label: 'GET /api/stats/overview (a manager)',
        pathFor: () => '/api/stats/overview',
        token: managerToken,
      },
      {
        key: 'slots',
        label: 'GET /api/slots (one team, 2-year window, 2 weeks, limit 5, for a PM)',
        pathFor: () =>
          `/api/slots?durationWeeks=2&earliestStart=${today}&latestEnd=${addDays(today, 730)}&teamId=${teamIds[random(teamIds.length)]}&pmId=${slotPm}&limit=5`,
        target: 'p95 < 20 ms',
        check: (r) => r.p95 < 20,
      },
    ];

    // Sanity: every scenario answers 200 before it is measured.
    for (const s of scenarios) {
      const probe = await http(BASE, 'GET', s.pathFor(), { token: s.token ?? adminToken });
      if (probe.status !== 200)
        throw new Error(`${s.label} answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);
    }
    // Probes, reported and not measured: the overview as an admin (its figures are measured as a manager).
    const probes = [];
    for (const [who, token] of [
      ['admin', adminToken],
      ['manager', managerToken],
    ]) {
      const started = Date.now();
      const probe = await http(BASE, 'GET', '/api/stats/overview', { token });
      probes.push({
        what: `GET /api/stats/overview as ${who}`,
        status: probe.status,
        ms: Date.now() - started,
        code: probe.body?.code ?? '',
      });
      log(
        `probe: GET /api/stats/overview as ${who} → ${probe.status} ${probe.body?.code ?? ''} (${Date.now() - started} ms)`,
      );
    }

    const rows = [];
    for (const s of scenarios) {
      log(`warm-up: ${s.label} (2 s)`);
      await cannon({
        title: 'warm-up',
        pathFor: s.pathFor,
        token: s.token ?? adminToken,
        connections: CONNECTIONS,
        duration: 2,
      });
      log(`measuring GET /api/health, ${CONNECTIONS} connections, ${DURATION} s`);
      const health = await cannon({
        title: 'health',
        pathFor: () => '/api/health',
        connections: CONNECTIONS,
        duration: DURATION,
      });
      log(`  health p50 ${fmt(health.p50)} ms, ${fmt(health.rps, 0)} req/s`);
      log(`measuring ${s.label}, ${CONNECTIONS} connections, ${DURATION} s`);
      const result = await cannon({
        title: s.key,
        pathFor: s.pathFor,
        token: s.token ?? adminToken,
        connections: CONNECTIONS,
        duration: DURATION,
      });
      log(
        `  p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, ${fmt(result.rps, 0)} req/s, ${statusText(result.statuses)}`,
      );
      rows.push({ ...s, result, health });
    }

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
    for (const { r, ids, hostToken } of rounds) {
      const health = await cannon({
        title: 'health burst',
        pathFor: () => '/api/health',
        connections: PER_ROUND,
        amount: PER_ROUND,
      });
      let next = 0;
      const roundCodes = {};
      const result = await cannon({
        title: `approve round ${r}`,
        method: 'POST',
        body: { comment: 'Welcome aboard' },
        token: hostToken,
        connections: PER_ROUND,
        amount: PER_ROUND,
        pathFor: () => `/api/rotation-requests/${ids[next++ % ids.length]}/approve`,
        onResponse: (status, body) => {
          let code = String(status);
          try {
            code = status === 200 ? JSON.parse(body).status : JSON.parse(body).code;
          } catch {
            // keep the status
          }
          roundCodes[code] = (roundCodes[code] ?? 0) + 1;
        },
      });
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
      target: 'p95 < 50 ms',
      check: (r) => r.p95 < 50,
      note: `${statusText(codes)}; every round 3 booked + 17 CAPACITY_FULL: ${roundOutcomes.slice(1).every((o) => o.ok) ? 'yes' : 'NO'}`,
    });

    // For reference: the same approval without contention, one at a time into a roomy team.
    {
      const r = ROUNDS + 1;
      const start = addDays(seeded.gridEnd, 210 + r * 14);
      const pmBase = SCALE.pendingRequests + r * PER_ROUND;
      await db.query(
        `INSERT INTO teams (id, name, region, segment, manager_id, capacity, timezone)
         VALUES (${userId('cteam', '$1::int')}, 'Serial team', 'EMEA', 'Enterprise', ${userId('mgr', '$1::int')}, $2::int, 'UTC')`,
        [r, PER_ROUND],
      );
      const inserted = await db.query(
        `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status, created_by, pending_since)
         SELECT ${userId('pm', '($1::int + j)')}, ${userId('cteam', '$2::int')}, $3::date, $3::date + 13, 2, '["closing"]'::jsonb,
                'Bench: serial', 'pending_host', ${userId('pm', '($1::int + j)')}, now()
           FROM generate_series(0, $4::int - 1) j
         RETURNING id`,
        [pmBase, r, start, PER_ROUND],
      );
      const ids = inserted.rows.map((row) => row.id);
      const hostToken = await login(BASE, `manager${r}@bench.stint`, BENCH_PASSWORD);
      const health = await cannon({
        title: 'health serial',
        pathFor: () => '/api/health',
        connections: 1,
        amount: PER_ROUND,
      });
      let next = 0;
      const result = await cannon({
        title: 'approve serial',
        method: 'POST',
        body: { comment: 'Welcome aboard' },
        token: hostToken,
        connections: 1,
        amount: PER_ROUND,
        pathFor: () => `/api/rotation-requests/${ids[next++ % ids.length]}/approve`,
      });
      log(`  one at a time: ${statusText(result.statuses)}, p50 ${fmt(result.p50)} ms, max ${fmt(result.max)} ms`);
      rows.push({
        key: 'approve-serial',
        label: `POST /api/rotation-requests/:id/approve, one at a time (no contention; reference)`,
        result: { ...result, rps: null },
        health,
        note: `${statusText(result.statuses)}`,
      });
    }

    const rss = { api: api.peakRssMiB() };
    log(`peak RSS of the API process: ${fmt(rss.api)} MiB`);

    summary = { machineInfo, date, counts, seedSeconds, vacuumSeconds, rows, rss, roundOutcomes, probes };
  } finally {
    await db.end().catch(() => undefined);
    log('stopping the API, dropping the database and the queue keys');
    await api.stop();
    await dropDatabase(DB_URL).catch((e) => log(`could not drop ${DB_URL}: ${e.message}`));
    await clearRedisPrefix(REDIS_URL, PREFIX).catch((e) => log(`could not clear Redis prefix ${PREFIX}: ${e.message}`));
    rmSync(varDir, { recursive: true, force: true });
  }

  report(summary);
}

function report({ machineInfo, date, counts, seedSeconds, vacuumSeconds, rows, rss, roundOutcomes, probes }) {
  const header = [
    'endpoint',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'health p50 ms',
    'p50 / health p50',
    'target',
  ];
  const body = rows.map((row) => [
    row.label,
    String(row.result.n),
    fmt(row.result.p50),
    fmt(row.result.p95),
    fmt(row.result.p99),
    row.result.rps === null ? '—' : fmt(row.result.rps, 0),
    fmt(row.health.p50),
    `${fmt(row.result.p50 / row.health.p50, 1)}×`,
    row.target ? `${row.target}: ${row.check(row.result, row.health) ? 'met' : 'NOT met'}` : '—',
  ]);
  console.log(
    `\nSummary (${CONNECTIONS} connections, ${DURATION} s per measurement; health measured just before each endpoint with the same load)\n`,
  );
  console.log(textTable(header, body));
  for (const row of rows) if (row.note) console.log(`  ${row.key}: ${row.note}`);
  console.log(`  peak RSS of the API: ${fmt(rss.api)} MiB`);
  for (const p of probes)
    console.log(`  probe: ${p.what} → ${p.status} ${p.code} (${p.ms} ms)${p.status === 200 ? '' : '  << NOT 200'}`);
  console.log(
    `  seeding: ${fmt(seedSeconds)} s (+ VACUUM ANALYZE ${fmt(vacuumSeconds)} s) for ${counts.placements.toLocaleString('en-US')} placements and ${counts.check_ins.toLocaleString('en-US')} check-ins`,
  );

  if (QUICK) {
    console.log('\nBENCH_QUICK=1: docs/benchmarks.md left unchanged.');
    return;
  }
  const md = `## API endpoints at programme scale (\`npm run bench\`)

${machineMarkdown(machineInfo, date)}
- Command: \`npm run bench\` (= \`node tools/bench/run.mjs\`), after \`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker\`
- Dataset, bulk-inserted with \`generate_series\` after the API migrated its own \`stint_bench\` database:
  ${counts.teams} teams, ${counts.users.toLocaleString('en-US')} users, ${counts.placements.toLocaleString('en-US')} placements (8 weeks each, none overlapping per PM, ≤ capacity per team),
  ${counts.check_ins.toLocaleString('en-US')} check-ins, ${counts.requests.toLocaleString('en-US')} rotation requests, ${counts.approvals.toLocaleString('en-US')} approvals; ${counts.size} on disk.
  Seeding took ${fmt(seedSeconds)} s, then VACUUM ANALYZE ${fmt(vacuumSeconds)} s.
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per measurement after a 2 s warm-up; the built API as a child process (\`PORT=${PORT}\`, \`LOG_LEVEL=warn\`).
  Each endpoint's \`GET /api/health\` was measured just before it with the same load; the ratio of the p50s is the figure that holds on a noisy machine.
  Approvals: ${ROUNDS} rounds (after one warm-up round) of ${PER_ROUND} simultaneous host approvals (one connection each) of \`pending_host\` requests for the same fortnight
  into a fresh capacity-${ROUND_CAPACITY} team; their health figure is ${ROUNDS} bursts of ${PER_ROUND} simultaneous \`GET /api/health\`.
  Percentiles are exact (nearest rank over every response).

${table(header, body)}

${rows
  .filter((row) => row.note)
  .map((row) => `- ${row.key}: ${row.note}`)
  .join('\n')}
- Contention rounds: ${roundOutcomes
    .slice(1)
    .map((o) => `${o.statuses['200'] ?? 0}/${o.statuses['409'] ?? 0}`)
    .join(
      ', ',
    )} (200/409 per round); live placements per contention team afterwards: ${[...new Set(roundOutcomes.map((o) => o.live))].join(', ')}.
- Peak RSS (VmHWM) of the API process over the whole run: ${fmt(rss.api)} MiB.
${probes.map((p) => `- Probe: ${p.what} → ${p.status}${p.code ? ` ${p.code}` : ''} (${p.ms} ms)${p.status === 200 ? '' : ' — a defect, reported; the overview is therefore measured as a manager.'}`).join('\n')}
`;
  writeSection('bench:api', md);
  console.log('\nWritten to docs/benchmarks.md (section bench:api).');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
