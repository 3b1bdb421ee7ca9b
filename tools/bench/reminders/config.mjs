// Settings of `npm run bench:reminders` (tools/bench/reminders.mjs), from the environment it documents.
import { databaseUrl } from '../lib.mjs';

export const QUICK = process.env.BENCH_QUICK === '1';
export const N = Number(process.env.BENCH_REMINDERS ?? (QUICK ? 1000 : 10_000));
export const OFFSET_S = Number(process.env.BENCH_REMINDER_OFFSET_S ?? 30);
export const WINDOW_S = 60;
export const TEAMS = 200;
export const PORT = Number(process.env.BENCH_PORT ?? 3391);
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
export const LEAD_HOURS = 24; // the policy's default reminderLeadHours
export const QUIET_AFTER_MS = 10_000; // keep listening this long after the last expected email, to catch duplicates
export const GIVE_UP_AFTER_MS = 10 * 60_000; // after the last due moment
export const SINK = process.env.BENCH_SINK === 'raw' ? 'raw' : 'smtp-server';
export const DOWN_S = Number(process.env.BENCH_SMTP_DOWN_S ?? 0);

const runId = Date.now().toString(36);
export const DB_URL = databaseUrl('stint_bench_reminders');
export const PREFIX = `stint-bench-rem-${runId}`;
export const BASE = `http://127.0.0.1:${PORT}`;
