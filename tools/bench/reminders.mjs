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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
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
  machineMarkdown,
  onInterrupt,
  progress,
  recreateDatabase,
  requireBuild,
  sleep,
  summarize,
  table,
  textTable,
  waitForHealth,
  WORKER_MAIN,
  writeSection,
} from './lib.mjs';
import { BENCH_PASSWORD, isoDate, mondayOnOrBefore, userId } from './seed.mjs';
import bcrypt from 'bcryptjs';

const QUICK = process.env.BENCH_QUICK === '1';
const N = Number(process.env.BENCH_REMINDERS ?? (QUICK ? 1000 : 10_000));
const OFFSET_S = Number(process.env.BENCH_REMINDER_OFFSET_S ?? 30);
const WINDOW_S = 60;
const TEAMS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3391);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
const LEAD_HOURS = 24; // the policy's default reminderLeadHours
const QUIET_AFTER_MS = 10_000; // keep listening this long after the last expected email, to catch duplicates
const GIVE_UP_AFTER_MS = 10 * 60_000; // after the last due moment
const SINK = process.env.BENCH_SINK === 'raw' ? 'raw' : 'smtp-server';
const DOWN_S = Number(process.env.BENCH_SMTP_DOWN_S ?? 0);

async function freePort() {
  const probe = createServer();
  const port = await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(probe.address().port)));
  await new Promise((resolve) => probe.close(() => resolve()));
  return port;
}

const runId = Date.now().toString(36);
const DB_URL = databaseUrl('stint_bench_reminders');
const PREFIX = `stint-bench-rem-${runId}`;
const BASE = `http://127.0.0.1:${PORT}`;

function record(received, raw, to) {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const header = (headerEnd === -1 ? raw : raw.slice(0, headerEnd)).replace(/\r\n[ \t]+/g, ' ');
  const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(header)?.[1] ?? null;
  received.push({ at: Date.now(), messageId, to });
}

/** A bare SMTP responder (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), greeting at once. */
async function startRawSink(port = 0, received = []) {
  let connections = 0;
  const sockets = new Set();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let data = [];
    let to = [];
    socket.write('220 bench-sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          data.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          record(received, data.join(''), to);
          data = [];
          to = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n');
        else if (verb === 'HELO') socket.write('250 bench-sink\r\n');
        else if (verb === 'RCPT') {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 Bye\r\n');
          return;
        } else socket.write('250 OK\r\n'); // MAIL, RSET, NOOP
      }
    });
  });
  const bound = await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));
  return {
    port: bound,
    received,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The SMTP sink (smtp-server): keeps each message's Message-ID, recipients and receive time; no parsing beyond the header. */
async function startSink(port = 0, received = []) {
  if (SINK === 'raw') return startRawSink(port, received);
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS per connection: the sink must not be what is measured.
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        record(
          received,
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        );
        callback();
      });
    },
  });
  const bound = await new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(server.server.address().port)),
  );
  return {
    port: bound,
    received,
    connections: () => connections,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function seed(db, t0) {
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

async function reconcileTiming(redis) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:maintenance:reconcile-start-*`, 'COUNT', 1000);
    for (const key of keys) {
      if ((await redis.type(key)) !== 'hash') continue;
      const [processedOn, finishedOn] = await redis.hmget(key, 'processedOn', 'finishedOn');
      if (processedOn) return { processedOn: Number(processedOn), finishedOn: finishedOn ? Number(finishedOn) : null };
    }
    cursor = next;
  } while (cursor !== '0');
  return null;
}

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
    const ids = new Set();
    let seen = 0;
    let apiLost = null;
    let reconcile = null;
    let allAt = null;
    let lastPrint = 0;
    const giveUpAt = lastDue + GIVE_UP_AFTER_MS;
    while (true) {
      if (worker.exited) throw new Error(`the worker exited: ${JSON.stringify(worker.exited)}\n${worker.tail()}`);
      // The API plays no part once the rows are in; if something outside stops it, note it and go on.
      if (api.exited && !apiLost) {
        apiLost = api.exited;
        log(
          `note: the API process exited (${JSON.stringify(api.exited)}) — not started or stopped by this script; the worker carries on`,
        );
      }
      for (; seen < sink.received.length; seen++) {
        const m = sink.received[seen];
        if (m.messageId) ids.add(m.messageId);
      }
      if (!reconcile?.finishedOn) reconcile = await reconcileTiming(redis);
      const now = Date.now();
      if (allAt === null && ids.size >= expected) allAt = now;
      if (
        now - lastPrint >= (process.stdout.isTTY ? 1000 : 5000) ||
        (allAt !== null && now - allAt >= QUIET_AFTER_MS)
      ) {
        lastPrint = now;
        const [delayed, emailWaiting] = await Promise.all([
          redis.zcard(`${PREFIX}:reminders:delayed`),
          redis.llen(`${PREFIX}:email:wait`),
        ]);
        const phase =
          now < firstDue
            ? `first due in ${((firstDue - now) / 1000).toFixed(0)} s`
            : now < lastDue
              ? 'due window open'
              : `${((now - lastDue) / 1000).toFixed(0)} s after the last due`;
        progress(
          '  delivered',
          Math.min(ids.size, expected),
          expected,
          `unique; ${seen - ids.size} duplicate(s); delayed jobs ${delayed}; emails waiting ${emailWaiting}; reconcile ${reconcile?.finishedOn ? 'done' : reconcile ? 'running' : 'pending'}; ${phase}`,
        );
      }
      if (allAt !== null && now - allAt >= QUIET_AFTER_MS) break;
      if (now > giveUpAt) {
        log(`giving up: ${ids.size}/${expected} delivered ${GIVE_UP_AFTER_MS / 60000} min after the last due moment`);
        break;
      }
      await sleep(250);
    }

    // Map every received Message-ID back to its notification and check-in.
    const rows = (
      await db.query(
        `SELECT n.id, n.recipient, n.status, n.attempts, n.created_at, n.sent_at, n.related_id AS check_in_id, c.scheduled_at
           FROM notifications n JOIN check_ins c ON c.id = n.related_id WHERE n.kind = 'checkin_reminder'`,
      )
    ).rows;
    const byMessageId = new Map(rows.map((r) => [`${r.id}@stint`, r]));
    const firstReceipt = new Map();
    let duplicates = 0;
    let foreign = 0;
    for (const m of sink.received) {
      if (!m.messageId || !byMessageId.has(m.messageId)) {
        foreign++;
        continue;
      }
      if (firstReceipt.has(m.messageId)) duplicates++;
      else firstReceipt.set(m.messageId, m.at);
    }
    const leadMs = LEAD_HOURS * 3_600_000;
    const lateness = [];
    const jobLag = [];
    const sendLag = [];
    const perReminder = new Map();
    for (const [messageId, at] of firstReceipt) {
      const r = byMessageId.get(messageId);
      const due = new Date(r.scheduled_at).getTime() - leadMs;
      lateness.push((at - due) / 1000);
      jobLag.push((new Date(r.created_at).getTime() - due) / 1000);
      sendLag.push((at - new Date(r.created_at).getTime()) / 1000);
      perReminder.set(r.check_in_id, Math.max(perReminder.get(r.check_in_id) ?? -Infinity, (at - due) / 1000));
    }
    const perCheckIn = new Map();
    for (const r of rows) perCheckIn.set(r.check_in_id, (perCheckIn.get(r.check_in_id) ?? 0) + 1);
    const receipts = [...firstReceipt.values()];
    const firstReceived = receipts.length ? Math.min(...receipts) : null;
    const lastReceived = receipts.length ? Math.max(...receipts) : null;
    const rss = { api: api.peakRssMiB(), worker: worker.peakRssMiB() };
    const statusCounts = rows.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    const reminders = [...perReminder.values()];

    summary = {
      machineInfo,
      date,
      expected,
      notifications: rows.length,
      statusCounts,
      checkInsWithTwo: [...perCheckIn.values()].filter((n) => n === 2).length,
      received: sink.received.length,
      unique: firstReceipt.size,
      duplicates,
      foreign,
      smtpConnections: sink.connections(),
      lateness: summarize(lateness),
      minLateness: lateness.length ? Math.min(...lateness) : null,
      jobLag: summarize(jobLag),
      sendLag: summarize(sendLag),
      reminderLateness: summarize(reminders),
      remindersComplete: reminders.length,
      firstDue,
      lastDue,
      firstReceived,
      lastReceived,
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
    await dropDatabase(DB_URL).catch((e) => log(`could not drop ${DB_URL}: ${e.message}`));
    await clearRedisPrefix(REDIS_URL, PREFIX).catch((e) => log(`could not clear Redis prefix ${PREFIX}: ${e.message}`));
    rmSync(varDir, { recursive: true, force: true });
  }
  report(summary);
}

function report(s) {
  const secs = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const allDelivered = s.unique === s.expected;
  const header = ['measure', 'p50', 'p95', 'p99', 'max'];
  const row = (label, x) => [
    label,
    `${fmt(x.p50, 2)} s`,
    `${fmt(x.p95, 2)} s`,
    `${fmt(x.p99, 2)} s`,
    `${fmt(x.max, 2)} s`,
  ];
  const rows = [
    row('lateness per email (sink receive − due moment)', s.lateness),
    row('lateness per reminder (both emails received − due)', s.reminderLateness),
    row('  of which: reminder job run − due (notification created)', s.jobLag),
    row('  of which: notification created → received by the sink', s.sendLag),
  ];
  const reconcileMs = s.reconcile?.finishedOn ? s.reconcile.finishedOn - s.workerStarted : null;
  const facts = [
    [
      'SMTP sink',
      SINK === 'raw'
        ? 'bare in-process responder (BENCH_SINK=raw), greets at once'
        : 'smtp-server package (100 ms greeting delay, hard-coded)',
    ],
    ['reminders (check-ins due within one minute)', N.toLocaleString('en-US')],
    ['emails expected (PM + host manager each)', s.expected.toLocaleString('en-US')],
    [
      'notifications recorded (checkin_reminder)',
      `${s.notifications.toLocaleString('en-US')} (${Object.entries(s.statusCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}); check-ins with exactly 2: ${s.checkInsWithTwo.toLocaleString('en-US')}`,
    ],
    [
      'messages received by the sink',
      `${s.received.toLocaleString('en-US')} (${s.smtpConnections.toLocaleString('en-US')} SMTP connections; ${s.foreign} other than reminders)`,
    ],
    [
      'unique Message-IDs (reminders)',
      `${s.unique.toLocaleString('en-US')} — all delivered: ${allDelivered ? 'yes' : 'NO'}`,
    ],
    ['duplicates (same Message-ID twice)', `${s.duplicates} — none twice: ${s.duplicates === 0 ? 'yes' : 'NO'}`],
    ['worker start → start-up reconcile finished', secs(reconcileMs)],
    ['first due moment after the worker started', secs(s.firstDue - s.workerStarted)],
    [
      'delivery time: first due → last email received',
      secs(s.lastReceived === null ? null : s.lastReceived - s.firstDue),
    ],
    ['last due → last email received', secs(s.lastReceived === null ? null : s.lastReceived - s.lastDue)],
    [
      'throughput (first → last email received)',
      s.lastReceived && s.lastReceived > s.firstReceived
        ? `${fmt(s.unique / ((s.lastReceived - s.firstReceived) / 1000), 0)} emails/s`
        : '—',
    ],
    ['earliest email relative to its due moment', `${fmt(s.minLateness, 2)} s`],
    ['peak RSS (VmHWM): API / worker', `${fmt(s.rss.api)} MiB / ${fmt(s.rss.worker)} MiB`],
    ...(DOWN_S > 0
      ? [
          ['mail server unreachable (connections refused)', `the first ${DOWN_S} s after the worker started`],
          [
            'mail server back → last email received',
            secs(s.lastReceived === null || s.smtpBackAt === null ? null : s.lastReceived - s.smtpBackAt),
          ],
        ]
      : []),
    ...(s.apiLost
      ? [
          [
            'note',
            `the API process was stopped from outside this script ${((s.apiLost.at - s.firstDue) / 1000).toFixed(0)} s after the first due moment (${s.apiLost.signal ?? s.apiLost.code}); its peak RSS is the last sample`,
          ],
        ]
      : []),
  ];
  const target =
    DOWN_S > 0
      ? allDelivered && s.duplicates === 0 && s.smtpBackAt !== null && s.lastReceived - s.smtpBackAt <= 5 * 60_000
      : s.lateness.p99 !== null && s.lateness.p99 < 1 && allDelivered && s.duplicates === 0;
  const targetText =
    DOWN_S > 0
      ? 'Target (issue 10): after the outage, all delivered within 5 minutes of the mail server returning, none twice'
      : 'Target (issue 7): lateness p99 < 1 s, all delivered, none twice';
  console.log(`\nSummary: ${N.toLocaleString('en-US')} reminders due within ${WINDOW_S} s, one worker, SMTP sink\n`);
  console.log(textTable(['fact', 'value'], facts));
  console.log('');
  console.log(textTable(header, rows));
  console.log(`\n${targetText}: ${target ? 'met' : 'NOT met'}`);

  if (QUICK) {
    console.log('\nBENCH_QUICK=1: docs/benchmarks.md left unchanged.');
    return;
  }
  const envPrefix = `${SINK === 'raw' ? 'BENCH_SINK=raw ' : ''}${DOWN_S > 0 ? `BENCH_SMTP_DOWN_S=${DOWN_S} ` : ''}`;
  const md = `## Reminder pipeline (\`${envPrefix}npm run bench:reminders\`)${SINK === 'raw' ? ', with a sink that greets at once' : ''}${DOWN_S > 0 ? `, mail server down for the first ${DOWN_S} s` : ''}

${machineMarkdown(s.machineInfo, s.date)}
- Command: \`${envPrefix}npm run bench:reminders\` (= \`node tools/bench/reminders.mjs\`), after building api and worker.
- Set-up: the built API (migrates its own \`stint_bench_reminders\` database) and ONE built worker (\`LOG_LEVEL=warn\`, \`SMTP_URL\` = an in-process
  ${SINK === 'raw' ? 'minimal SMTP responder that greets at once' : '`smtp-server` sink (which waits 100 ms before its greeting)'} recording each message's Message-ID and receive time). ${N.toLocaleString('en-US')} PMs each hold one active placement with one open check-in at
  now + 24 h + ${OFFSET_S}…${OFFSET_S + WINDOW_S} s (evenly spread), inserted by SQL; so with the default 24 h lead all ${N.toLocaleString('en-US')} reminders fall due within one minute.
  The worker is started after the insert; its start-up reconciler schedules every open check-in's reminder and overdue jobs.
- Due moment = \`scheduledAt − reminderLeadHours\`; lateness = the sink's receive time − the due moment (same clock). Percentiles are exact (nearest rank).

${table(['fact', 'value'], facts)}

${table(header, rows)}

${targetText} — **${target ? 'met' : 'not met'}**.
`;
  const key =
    DOWN_S > 0 ? 'bench:reminders-smtp-down' : SINK === 'raw' ? 'bench:reminders-raw-sink' : 'bench:reminders';
  writeSection(key, md);
  console.log(`\nWritten to docs/benchmarks.md (section ${key}).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
