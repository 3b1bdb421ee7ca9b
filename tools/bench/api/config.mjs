// Settings of `npm run bench` (tools/bench/run.mjs), from the environment it documents.
import { join } from 'node:path';
import { databaseUrl, ROOT } from '../lib.mjs';

export const QUICK = process.env.BENCH_QUICK === '1';
// BENCH_ONLY=<regular expression>: measure only the rows whose key matches (e.g. `approve`, `check-ins \\(admin`,
// `transfer`, `reconciler`); a partial run is printed, never written to the docs.
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
export const PARTIAL = ONLY !== null;
export const wanted = (key) => !ONLY || ONLY.test(key);
export const SCALE = QUICK
  ? { teams: 20, lanes: 5, slots: 4, managers: 20, pms: 200, pendingRequests: 100 }
  : { teams: 200, lanes: 5, slots: 20, managers: 200, pms: 1800, pendingRequests: 1000 };
export const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 2 : 10));
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
export const PORT = Number(process.env.BENCH_PORT ?? 3390);
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
export const ROUNDS = QUICK ? 3 : 10; // measured contention rounds (plus one warm-up round)
export const PER_ROUND = 20;
// Approvals one at a time (each a PM of its own into a roomy team), beside as many health checks.
export const SERIAL_APPROVALS = QUICK ? 20 : 100;
export const ROUND_CAPACITY = 3;
export const PAGE_SIZE = 50;
// Each lists' warm-up before it is measured (seconds).
export const WARM_UP = QUICK ? 1 : 2;
// The built dashboard, served by the API under benchmark so that its transfer sizes are measured as served.
export const DASHBOARD_DIR = join(ROOT, 'dist', 'apps', 'dashboard', 'browser');

const runId = Date.now().toString(36);
export const DB_URL = databaseUrl('stint_bench');
export const PREFIX = `stint-bench-${runId}`;
export const BASE = `http://127.0.0.1:${PORT}`;
