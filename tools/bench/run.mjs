#!/usr/bin/env node
// `npm run bench`: seeds a large programme into its own database, starts the built
// API (serving the built dashboard), and measures every dashboard list for the admin,
// a manager and a PM, slot search and approvals with autocannon, each beside a bare
// GET /api/health measured in the same run; then the bytes the dashboard and a JSON
// page cost on the wire, and the reconciler's tick with the built worker.
// Results: a table on stdout and the "bench:api" section of docs/benchmarks.md.
//
// Environment: BENCH_DATABASE_URL (any database URL on the server to use; the
// script creates and drops its own `stint_bench`), REDIS_URL, BENCH_PORT (3390),
// BENCH_DURATION (seconds per measurement, 10), BENCH_CONNECTIONS (4),
// BENCH_QUICK=1 (a small programme and 2 s runs, to try the script out; not written to the docs),
// BENCH_ONLY=<regular expression> (only the rows whose key matches: a list's key, approve, approve-serial,
// transfer, reconciler; not written to the docs).
//
// Modules: api/config.mjs (settings), api/roles.mjs (who asks), api/lists.mjs and
// api/endpoints.mjs, api/approvals.mjs, api/transfer.mjs, api/reconciler.mjs (what is
// measured), api/report.mjs (the results); shared helpers in lib.mjs and seed.mjs.
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
  log,
  machine,
  onInterrupt,
  progress,
  recreateDatabase,
  removeRunState,
  requireBuild,
  runScript,
  waitForHealth,
  WORKER_MAIN,
} from './lib.mjs';
import { isoDate, seedProgramme, vacuumAnalyze } from './seed.mjs';
import { measureContendedApprovals, measureSerialApprovals } from './api/approvals.mjs';
import { BASE, DASHBOARD_DIR, DB_URL, PORT, PREFIX, REDIS_URL, SCALE, wanted } from './api/config.mjs';
import { measureEndpoints } from './api/endpoints.mjs';
import { measureReconciler, startWorker } from './api/reconciler.mjs';
import { report } from './api/report.mjs';
import { signInRoles } from './api/roles.mjs';
import { measureTransfer } from './api/transfer.mjs';

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
  const env = {
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    STINT_VAR_DIR: varDir,
    DASHBOARD_DIR,
    SEED_DEMO: 'false',
  };
  const api = new Child('api', API_MAIN, { ...env, PORT: String(PORT) });
  let worker = null;
  const db = await connect(DB_URL);
  onInterrupt(async () => {
    if (worker) await worker.stop(3000);
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

    const roles = await signInRoles();
    const { rows, probes } = await measureEndpoints(db, roles, today, api);
    const roundOutcomes = wanted('approve') ? await measureContendedApprovals(db, seeded, rows, api) : [];
    if (wanted('approve-serial')) await measureSerialApprovals(db, seeded, rows, api);
    const transfer = wanted('transfer') ? await measureTransfer(roles[0].token) : null;

    // Last, so that the worker's jobs do not load the machine while the API is measured.
    let ticks = [];
    if (wanted('reconciler')) {
      log(`starting the built worker (queue prefix ${PREFIX})`);
      worker = startWorker(env);
      ticks = await measureReconciler(worker);
    }

    const rss = { api: api.peakRssMiB(), worker: worker?.peakRssMiB() ?? null };
    log(`peak RSS: API ${fmt(rss.api)} MiB, worker ${fmt(rss.worker)} MiB`);

    summary = {
      machineInfo,
      date,
      counts,
      seedSeconds,
      vacuumSeconds,
      rows,
      rss,
      roundOutcomes,
      probes,
      transfer,
      ticks,
    };
  } finally {
    await db.end().catch(() => undefined);
    log('stopping the API and the worker, dropping the database and the queue keys');
    if (worker) await worker.stop();
    await api.stop();
    await removeRunState({ dbUrl: DB_URL, redisUrl: REDIS_URL, prefix: PREFIX, varDir });
  }

  report(summary);
}

runScript(main);
