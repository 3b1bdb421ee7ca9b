// Processes: a benchmark script itself, and the built API and worker as its children.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { sleep } from './log.mjs';
import { ROOT } from './paths.mjs';

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

/** A child process of ours (the built API or worker), its output kept for the error report. */
export class Child {
  constructor(name, script, env) {
    this.name = name;
    this.output = [];
    this.exited = null;
    // BENCH_NODE_ARGS: extra Node.js flags for the API and worker, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const flags = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.process = spawn(process.execPath, [...flags, script], {
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

  /** CPU time the process has used so far (user and system), in ms; null once it is gone. */
  cpuMs() {
    return processCpuMs(this.pid);
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

/** Runs a script's main function; a failure prints its stack and exits with 1. */
export function runScript(main) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}

/** Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU counters of /proc/<pid>/stat, in ms: its own (user and system) and its reaped children's; null when gone. */
function cpuCounters(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis start at the 3rd (state): utime is the 14th, stime the 15th,
    // cutime the 16th, cstime the 17th.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const ms = (ticks) => (ticks * 1000) / TICKS_PER_SECOND;
    return { own: ms(fields[11] + fields[12]), children: ms(fields[13] + fields[14]) };
  } catch {
    return null;
  }
}

/** CPU time a process has used (user and system), in ms; null when it is gone. */
export function processCpuMs(pid) {
  return cpuCounters(pid)?.own ?? null;
}

/** Every PostgreSQL server process on this machine (a local server only): pid → its CPU counters. */
function postgresProcesses() {
  const found = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue;
    }
    const counters = cpuCounters(entry);
    if (counters) found.set(entry, counters);
  }
  return found;
}

/**
 * A reading of PostgreSQL's CPU on this machine; `since(reading)` is the CPU its processes used from then on, in
 * ms, taken per process: a backend that exited meanwhile (the pool closes idle connections) counts through its
 * parent's reaped-children time rather than taking its whole life out of the sum. Null when no server process is
 * visible here (PostgreSQL elsewhere).
 */
export function postgresCpu() {
  const before = postgresProcesses();
  return {
    since() {
      if (!before.size) return null;
      let used = 0;
      for (const [pid, now] of postgresProcesses()) {
        const then = before.get(pid) ?? { own: 0, children: 0 };
        used += now.own - then.own + (now.children - then.children);
      }
      return used;
    },
  };
}

/** CPU used by the API process (`api`, a Child) and by PostgreSQL while `work` runs, in ms (postgres null if unseen). */
export async function cpuDuring(api, work) {
  const apiBefore = api.cpuMs();
  const postgres = postgresCpu();
  const result = await work();
  return { result, cpu: { api: api.cpuMs() - apiBefore, postgres: postgres.since() } };
}
