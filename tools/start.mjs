#!/usr/bin/env node
// `npm start`: checks PostgreSQL and Redis, builds what changed (Nx cache makes a
// second start fast), then runs the API (which serves the dashboard) and the worker.
// Flags: --no-build (use what is in dist/), --no-worker.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const databaseUrl = env.DATABASE_URL || 'postgres://postgres@localhost:5432/stint';
const redisUrl = env.REDIS_URL || 'redis://localhost:6379';
const port = Number(env.PORT || 3000);

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function reachable(url, defaultPort) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(u.port || defaultPort), u.hostname || 'localhost', () => done(true));
  });
}

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

if (!(await reachable(databaseUrl, 5432))) {
  fail(
    `Cannot reach PostgreSQL at ${redact(databaseUrl)}: start it (e.g. \`docker compose up -d postgres redis\`) or set DATABASE_URL.`,
  );
}
if (!(await reachable(redisUrl, 6379))) {
  fail(
    `Cannot reach Redis at ${redact(redisUrl)}: start it (e.g. \`docker compose up -d postgres redis\`) or set REDIS_URL.`,
  );
}

if (!args.has('--no-build')) {
  console.log('Building api, worker and dashboard (cached after the first start)…');
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'dashboard', '--output-style=static'],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) fail('Build failed; see the output above.');
}
for (const file of ['dist/apps/api/main.js', 'dist/apps/worker/main.js']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run npm start without --no-build.`);
}

const children = [];
let stopping = false;

function run(name, file) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, file)], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`Stint ${name} exited (${signal ?? `code ${code}`}); stopping.\n`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 10_000);
  timer.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The API migrates the database before it listens; the worker starts once it does.
run('API', 'dist/apps/api/main.js');
const deadline = Date.now() + 120_000;
while (!stopping) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (response.status === 200 || response.status === 503) break;
  } catch {
    // not listening yet
  }
  if (Date.now() > deadline) {
    process.stderr.write(`The API did not answer on port ${port} within 2 minutes; stopping.\n`);
    stop(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}
if (!stopping && !args.has('--no-worker')) run('worker', 'dist/apps/worker/main.js');
if (!stopping) console.log(`Stint is running: http://localhost:${port} (API docs at /api/docs). Ctrl+C stops it.`);
