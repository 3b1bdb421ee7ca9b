// Shared helpers for the benchmark scripts (plain ESM, no build step).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, totalmem, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Redis from 'ioredis';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'main.js');
export const BENCH_DOC = join(ROOT, 'docs', 'benchmarks.md');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
/** One progress line, prefixed with the seconds since the script started. */
export function log(message) {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

/** A progress bar: redrawn in place on a terminal, one line per call otherwise. */
export function progress(label, done, total, extra = '') {
  const width = 30;
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`;
  const line = `${label} ${bar} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${extra ? ` ${extra}` : ''}`;
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
  } else {
    log(line);
  }
}

/** Fails early, with one clear line, when the built apps are missing. */
export function requireBuild(paths) {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(
      `Missing build output: ${missing.join(', ')}.\nBuild first: NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker`,
    );
    process.exit(1);
  }
}

export function databaseUrl(name) {
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@localhost:5432/postgres');
  base.pathname = `/${name}`;
  return base.toString();
}

function adminUrl(url) {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function recreateDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Deletes every Redis key of a queue prefix. */
export async function clearRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl);
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) removed += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** A child process of ours (the built API or worker), its output kept for the error report. */
export class Child {
  constructor(name, script, env) {
    this.name = name;
    this.output = [];
    this.exited = null;
    this.process = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
    };
    this.process.stdout.on('data', keep);
    this.process.stderr.on('data', keep);
    // VmHWM is sampled as we go, so the peak survives the process (it may be stopped from outside).
    this.sampledPeak = null;
    this.sampler = setInterval(() => this.sample(), 1000);
    this.sampler.unref();
    this.exitPromise = new Promise((resolve) =>
      this.process.once('exit', (code, signal) => {
        this.exited = { code, signal, at: Date.now() };
        clearInterval(this.sampler);
        resolve(this.exited);
      }),
    );
  }

  sample() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      if (match) this.sampledPeak = Math.max(this.sampledPeak ?? 0, Number(match[1]) / 1024);
    } catch {
      // gone
    }
  }

  get pid() {
    return this.process.pid;
  }

  tail() {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }

  /** Peak resident set size so far, from /proc/<pid>/status (VmHWM, sampled every second and now), in MiB. */
  peakRssMiB() {
    if (!this.exited) this.sample();
    return this.sampledPeak;
  }

  currentRssMiB() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  async stop(graceMs = 10_000) {
    if (this.exited) return this.exited;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.exited) this.process.kill('SIGKILL');
    }, graceMs);
    const result = await this.exitPromise;
    clearTimeout(timer);
    return result;
  }
}

/** Polls GET /api/health until it answers 200 (the API has migrated and listens). */
export async function waitForHealth(base, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited)
      throw new Error(`${child.name} exited (${JSON.stringify(child.exited)}) before it was healthy:\n${child.tail()}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${child.name} not healthy within ${timeoutMs} ms:\n${child.tail()}`);
}

export async function http(base, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed };
}

export async function login(base, email, password) {
  const result = await http(base, 'POST', '/api/auth/login', { body: { email, password } });
  if (result.status !== 200)
    throw new Error(`login as ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.accessToken;
}

/** Exact percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function summarize(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : null,
  };
}

export function fmt(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number(value).toFixed(digits);
}

/** The machine the figures come from. */
export async function machine(pgClient, redisUrl) {
  const cpu = cpus();
  const pgVersion = (await pgClient.query('SHOW server_version')).rows[0].server_version;
  let redisVersion = '?';
  const redis = new Redis(redisUrl, { lazyConnect: true });
  try {
    await redis.connect();
    redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
  } finally {
    redis.disconnect();
  }
  let os = `${platform()} ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // keep platform/release
  }
  let loadavg = '';
  try {
    loadavg = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // not Linux
  }
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model?.trim() ?? '?',
    memoryGiB: totalmem() / 1024 ** 3,
    freeGiB: freemem() / 1024 ** 3,
    node: process.version,
    postgres: pgVersion,
    redis: redisVersion,
    os,
    loadavg,
    nproc: (() => {
      try {
        return execFileSync('nproc', { encoding: 'utf8' }).trim();
      } catch {
        return String(cpu.length);
      }
    })(),
  };
}

export function machineMarkdown(m, date) {
  return [
    `- Date: ${date.toISOString()}`,
    `- Machine: ${m.cores} cores (${m.cpuModel}; nproc ${m.nproc}), ${m.memoryGiB.toFixed(1)} GiB memory (${m.freeGiB.toFixed(1)} GiB free at start), ${m.os}`,
    `- Load average at start: ${m.loadavg || 'n/a'}`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}`,
  ].join('\n');
}

/** A Markdown table from a header row and data rows. */
export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** The same table as aligned plain text, for the terminal. */
export function textTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const HEADER = `# Benchmarks

Figures measured on the machine named in each section; they are noisy on a shared
machine, so each HTTP figure stands beside a bare \`GET /api/health\` measured in the
same run, and the ratio is the figure to compare between machines. Each section is
rewritten by the script that produces it:

- \`npm run bench\` (\`node tools/bench/run.mjs\`): HTTP endpoints at programme scale.
- \`npm run bench:reminders\` (\`node tools/bench/reminders.mjs\`): the reminder pipeline.

Both need the built API and worker (\`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker\`),
a local PostgreSQL and Redis (\`BENCH_DATABASE_URL\`, any database URL on the server, and \`REDIS_URL\` override the defaults;
each script creates and drops its own database and Redis key prefix).
`;

/** Replaces (or appends) the section between `<!-- key:start -->` and `<!-- key:end -->` in docs/benchmarks.md. */
export function writeSection(key, markdown) {
  mkdirSync(dirname(BENCH_DOC), { recursive: true });
  let doc = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : HEADER;
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from !== -1 && to > from) {
    doc = doc.slice(0, from) + block + doc.slice(to + end.length);
  } else {
    doc = `${doc.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(BENCH_DOC, doc);
}

const interruptHandlers = [];
let interrupted = false;
/** Cleanup to run when the script is interrupted (Ctrl-C, SIGTERM): children stopped, database dropped. */
export function onInterrupt(handler) {
  interruptHandlers.push(handler);
  if (interruptHandlers.length > 1) return;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: cleaning up …`);
      for (const h of interruptHandlers) {
        try {
          await h();
        } catch (error) {
          log(`cleanup step failed: ${error instanceof Error ? error.message : error}`);
        }
      }
      process.exit(130);
    });
  }
}
