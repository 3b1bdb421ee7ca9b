#!/usr/bin/env node
// `npm run bench:reminders`: N check-ins (10,000) whose reminders all fall due
// within one minute, one worker, a local SMTP sink. Measures that every reminder
// email arrives exactly once (unique Message-IDs), how late (sink receive time
// − due moment) and how long the whole burst takes; peak RSS of API and worker.
// Results: stdout and the "bench:reminders" section of docs/benchmarks.md.
//
// Each reminder emails two people (the PM and the host team's manager), so
// N reminders mean 2·N emails.
//
// The sink is the `smtp-server` package, which (hard-coded) waits 100 ms before its
// greeting to catch early talkers, as many real relays do. BENCH_SINK=raw swaps in a
// minimal in-process SMTP responder that greets at once, to show what the pipeline
// does when the server costs nothing.
//
// Environment: BENCH_DATABASE_URL, REDIS_URL, BENCH_PORT (3391), BENCH_REMINDERS (10000), BENCH_SINK (smtp-server|raw),
// BENCH_REMINDER_OFFSET_S (30: the first reminder is due this many seconds after the
// check-ins are inserted; the last one 60 s later), BENCH_QUICK=1 (1,000 reminders, docs untouched),
// BENCH_SMTP_DOWN_S (0: with e.g. 180 the mail server refuses connections for the first 180 s after the worker
// starts, so every reminder email first fails and is retried; the report adds the time from its return to the last email).
//
// Modules: reminders/config.mjs (settings), reminders/sinks.mjs (the SMTP sinks), reminders/seed.mjs,
// reminders/watch.mjs and reminders/analyse.mjs (what is measured), reminders/report.mjs (the results).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  API_MAIN,
  Child,
  clearRedisPrefix,
  connect,
  databaseUrl,
  dropDatabase,
  log,
  machine,
  onInterrupt,
  recreateDatabase,
  removeRunState,
  requireBuild,
  runScript,
  waitForHealth,
  WORKER_MAIN,
} from './lib.mjs';
import { analyseDeliveries } from './reminders/analyse.mjs';
import {
  BASE,
  DB_URL,
  DOWN_S,
  LEAD_HOURS,
  N,
  OFFSET_S,
  PORT,
  PREFIX,
  REDIS_URL,
  WINDOW_S,
} from './reminders/config.mjs';
import { report } from './reminders/report.mjs';
import { seed } from './reminders/seed.mjs';
import { freePort, startSink } from './reminders/sinks.mjs';
import { awaitDeliveries } from './reminders/watch.mjs';

async function main() {
  requireBuild([API_MAIN, WORKER_MAIN]);
  const date = new Date();
  const pgAdmin = await connect(databaseUrl('postgres'));
  const machineInfo = await machine(pgAdmin, REDIS_URL);
  await pgAdmin.end();
  log(`machine: ${machineInfo.cores} cores, ${machineInfo.memoryGiB.toFixed(1)} GiB, node ${machineInfo.node}`);

  // With BENCH_SMTP_DOWN_S the sink's port is reserved but nothing listens until the outage ends: connections are refused.
  const received = [];
  let sink =
    DOWN_S > 0
      ? { port: await freePort(), received, connections: () => 0, stop: async () => undefined }
      : await startSink(0, received);
  let smtpBackAt = null;
  let smtpTimer = null;
  log(`SMTP sink on 127.0.0.1:${sink.port}; database ${DB_URL} (drop/create); queue prefix ${PREFIX}`);
  await recreateDatabase(DB_URL);
  const varDir = mkdtempSync(join(tmpdir(), 'stint-bench-rem-'));
  const env = {
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    LOG_LEVEL: 'warn',
    STINT_VAR_DIR: varDir,
    DASHBOARD_DIR: '/nonexistent',
    SEED_DEMO: 'false',
  };
  const api = new Child('api', API_MAIN, { ...env, PORT: String(PORT) });
  let worker = null;
  const redis = new Redis(REDIS_URL);
  const db = await connect(DB_URL);
  onInterrupt(async () => {
    if (worker) await worker.stop(3000);
    await api.stop(3000);
    await sink.stop();
    await dropDatabase(DB_URL);
    await clearRedisPrefix(REDIS_URL, PREFIX);
    rmSync(varDir, { recursive: true, force: true });
  });
  let summary;
  try {
    log(`starting the built API (pid ${api.pid}); it creates the schema`);
    await waitForHealth(BASE, api);
    const policy = (await db.query(`SELECT reminder_lead_hours AS lead FROM policy WHERE id = 1`)).rows[0];
    if (policy.lead !== LEAD_HOURS)
      throw new Error(`expected the default reminder lead of ${LEAD_HOURS} h, found ${policy.lead}`);

    const t0 = Date.now();
    log(
      `inserting ${N.toLocaleString('en-US')} check-ins whose reminders fall due between +${OFFSET_S} s and +${OFFSET_S + WINDOW_S} s …`,
    );
    await seed(db, t0);
    const seededAt = Date.now();
    const firstDue = t0 + OFFSET_S * 1000;
    const lastDue = t0 + (OFFSET_S + WINDOW_S) * 1000;
    log(
      `inserted in ${((seededAt - t0) / 1000).toFixed(1)} s; first reminder due in ${((firstDue - Date.now()) / 1000).toFixed(1)} s`,
    );

    worker = new Child('worker', WORKER_MAIN, env);
    const workerStarted = Date.now();
    log(`started ONE worker (pid ${worker.pid}); its start-up reconciler schedules every open check-in's jobs`);
    if (DOWN_S > 0) {
      log(`the mail server refuses connections for the first ${DOWN_S} s`);
      smtpTimer = setTimeout(() => {
        startSink(sink.port, received).then((started) => {
          sink = started;
          smtpBackAt = Date.now();
          log('the mail server is back');
        });
      }, DOWN_S * 1000);
    }

    const expected = 2 * N;
    const { apiLost, reconcile } = await awaitDeliveries({ worker, api, redis, received, expected, firstDue, lastDue });
    const deliveries = await analyseDeliveries(db, received);
    const rss = { api: api.peakRssMiB(), worker: worker.peakRssMiB() };

    summary = {
      machineInfo,
      date,
      expected,
      ...deliveries,
      smtpConnections: sink.connections(),
      firstDue,
      lastDue,
      workerStarted,
      seededAt,
      t0,
      reconcile,
      rss,
      apiLost,
      smtpBackAt,
    };
  } finally {
    if (smtpTimer) clearTimeout(smtpTimer);
    await db.end().catch(() => undefined);
    redis.disconnect();
    log('stopping the worker and the API, dropping the database and the queue keys');
    if (worker) await worker.stop();
    await api.stop();
    await sink.stop();
    await removeRunState({ dbUrl: DB_URL, redisUrl: REDIS_URL, prefix: PREFIX, varDir });
  }
  report(summary);
}

runScript(main);
