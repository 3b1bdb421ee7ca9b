#!/usr/bin/env node
// `node tools/bench/screens.mjs`: seeds the programme of `npm run bench` into its own database, starts the built
// API serving the built dashboard, signs in with Chromium as a manager and times each of the manager's screens
// from navigation to content shown. Results: a table on stdout and the "bench:screens" section of docs/benchmarks.md.
//
// Environment: BENCH_DATABASE_URL, REDIS_URL, BENCH_PORT (3391), BENCH_VISITS (5 measured visits per screen),
// BENCH_CHROMIUM (/usr/bin/chromium), BENCH_QUICK=1 (a small programme, not written to the docs).
//
// Modules: screens/config.mjs (settings and screens), screens/browser.mjs (Chromium), screens/report.mjs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_MAIN,
  Child,
  connect,
  databaseUrl,
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
} from './lib.mjs';
import { BENCH_PASSWORD, isoDate, seedProgramme, userId, vacuumAnalyze } from './seed.mjs';
import { launch, repeatLoadBytes, signIn, visit } from './screens/browser.mjs';
import {
  BASE,
  DASHBOARD_DIR,
  DB_URL,
  managerScreens,
  PORT,
  PREFIX,
  REDIS_URL,
  SCALE,
  VISITS,
} from './screens/config.mjs';
import { report } from './screens/report.mjs';

const MANAGER = 'manager0@bench.stint';

/** A placement in the manager's own team, nearest today: the detail screen a host opens. */
async function hostedPlacement(db, today) {
  const { rows } = await db.query(
    `SELECT p.id FROM placements p WHERE p.team_id IN (SELECT id FROM teams WHERE manager_id = ${userId('mgr', 0)})
      ORDER BY abs(p.start_date - $1::date) LIMIT 1`,
    [today],
  );
  return rows[0].id;
}

async function seed(db, today) {
  log(
    `seeding ${SCALE.teams} teams, ${(SCALE.teams * SCALE.lanes * SCALE.slots).toLocaleString('en-US')} placements …`,
  );
  await seedProgramme(db, { ...SCALE, today }, (label, done, total, extra) =>
    progress(`  ${label}`, done, total, extra),
  );
  await vacuumAnalyze(db);
  return (
    await db.query(`SELECT (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM placements)::int AS placements,
                           (SELECT count(*) FROM check_ins)::int AS check_ins`)
  ).rows[0];
}

async function measureScreens(session, screens) {
  const results = [];
  for (const screen of screens) {
    log(`${screen.name} (${screen.path}): 1 warm-up + ${VISITS} visits`);
    await visit(session, screen);
    const visits = [];
    for (let i = 0; i < VISITS; i++) visits.push(await visit(session, screen));
    log(`  ${visits.map((v) => fmt(v.ms, 0)).join(', ')} ms; ${visits.at(-1).api.length} /api requests`);
    results.push({ screen, visits });
  }
  return results;
}

async function main() {
  requireBuild([API_MAIN, join(DASHBOARD_DIR, 'index.html')]);
  const date = new Date();
  const today = isoDate(date);
  const pgAdmin = await connect(databaseUrl('postgres'));
  const machineInfo = await machine(pgAdmin, REDIS_URL);
  await pgAdmin.end();
  log(`database ${DB_URL} (drop/create), queue prefix ${PREFIX}`);
  await recreateDatabase(DB_URL);
  const varDir = mkdtempSync(join(tmpdir(), 'stint-bench-screens-'));
  const api = new Child('api', API_MAIN, {
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    STINT_VAR_DIR: varDir,
    DASHBOARD_DIR,
    SEED_DEMO: 'false',
  });
  let browser = null;
  const db = await connect(DB_URL);
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await api.stop(3000);
    await removeRunState({ dbUrl: DB_URL, redisUrl: REDIS_URL, prefix: PREFIX, varDir });
  };
  onInterrupt(cleanUp);
  let summary;
  try {
    log(`starting the built API (pid ${api.pid}, port ${PORT}), serving ${DASHBOARD_DIR}`);
    await waitForHealth(BASE, api);
    const counts = await seed(db, today);
    const screens = managerScreens(await hostedPlacement(db, today));
    log('starting Chromium and signing in as the manager');
    const session = await launch();
    browser = session.browser;
    const loginBytes = await signIn(session, MANAGER, BENCH_PASSWORD);
    log(`  first load and sign-in: ${fmt(loginBytes / 1000, 1)} kB`);
    const results = await measureScreens(session, screens);
    const repeatBytes = await repeatLoadBytes(session);
    summary = { machineInfo, date, counts, results, loginBytes, repeatBytes, who: `\`${MANAGER}\`` };
  } finally {
    await db.end().catch(() => undefined);
    log('closing Chromium, stopping the API, dropping the database and the queue keys');
    await cleanUp();
  }
  report(summary);
}

runScript(main);
