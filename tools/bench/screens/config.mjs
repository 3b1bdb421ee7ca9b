// Settings of `npm run bench:screens` (tools/bench/screens.mjs), from the environment it documents.
import { join } from 'node:path';
import { databaseUrl, ROOT } from '../lib.mjs';

export const QUICK = process.env.BENCH_QUICK === '1';
export const SCALE = QUICK
  ? { teams: 20, lanes: 5, slots: 4, managers: 20, pms: 200, pendingRequests: 100 }
  : { teams: 200, lanes: 5, slots: 20, managers: 200, pms: 1800, pendingRequests: 1000 };
export const VISITS = Number(process.env.BENCH_VISITS ?? (QUICK ? 2 : 5)); // measured visits per screen, after one warm-up
export const PORT = Number(process.env.BENCH_PORT ?? 3391);
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const TARGET_MS = 1000;
export const VIEWPORT = { width: 1280, height: 800 };
export const DASHBOARD_DIR = join(ROOT, 'dist', 'apps', 'dashboard', 'browser');

const runId = Date.now().toString(36);
export const DB_URL = databaseUrl('stint_bench_screens');
export const PREFIX = `stint-bench-screens-${runId}`;
export const BASE = `http://127.0.0.1:${PORT}`;

/** The manager's screens (as in apps/dashboard-e2e/src/screens.spec.ts), each with the heading that names it. */
export function managerScreens(placementId) {
  return [
    { name: 'home', path: '/', heading: /Welcome, / },
    { name: 'approvals', path: '/approvals?show=all', heading: /^Approvals$/ },
    { name: 'timeline', path: '/timeline', heading: /^Placements timeline$/ },
    { name: 'capacity', path: '/capacity', heading: /Capacity/ },
    { name: 'check-ins', path: '/check-ins?view=all', heading: /^Check-ins$/ },
    { name: 'insights', path: '/insights', heading: /Insights/ },
    { name: 'placement', path: `/placements/${placementId}`, heading: /./ },
  ];
}
