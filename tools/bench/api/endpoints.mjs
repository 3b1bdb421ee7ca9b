// The read endpoints of `npm run bench`: each measured beside a bare GET /api/health under the same load.
import { fmt, http, log, login } from '../lib.mjs';
import { addDays, BENCH_PASSWORD, userId } from '../seed.mjs';
import { cannon, statusText } from './cannon.mjs';
import { BASE, CONNECTIONS, DURATION, PAGE_SIZE } from './config.mjs';

/** Probes, then measures, the busiest read endpoints on the seeded programme; returns their rows and the probes. */
export async function measureEndpoints(db, seeded, today) {
  const adminToken = await login(BASE, 'admin@stint.local', 'admin');
  const teamIds = (await db.query(`SELECT id FROM teams ORDER BY name`)).rows.map((r) => r.id);
  const slotPm = (await db.query(`SELECT ${userId('pm', 5)} AS id`)).rows[0].id;
  // The dashboard's figures as a manager (host of one team, line manager of ~9 PMs): see the admin probe below.
  const managerToken = await login(BASE, 'manager0@bench.stint', BENCH_PASSWORD);
  const pages = Math.ceil(seeded.placements / PAGE_SIZE);
  const random = (n) => Math.floor(Math.random() * n);

  const scenarios = [
    {
      key: 'placements',
      label: `GET /api/placements?page=1…${pages}&pageSize=${PAGE_SIZE} (admin)`,
      pathFor: () => `/api/placements?page=${1 + random(pages)}&pageSize=${PAGE_SIZE}`,
      target: 'p50 ≤ 2× health p50',
      check: (r, h) => r.p50 <= 2 * h.p50,
    },
    {
      key: 'stats',
      label: 'GET /api/stats/overview (a manager)',
      pathFor: () => '/api/stats/overview',
      token: managerToken,
    },
    {
      key: 'slots',
      label: 'GET /api/slots (one team, 2-year window, 2 weeks, limit 5, for a PM)',
      pathFor: () =>
        `/api/slots?durationWeeks=2&earliestStart=${today}&latestEnd=${addDays(today, 730)}&teamId=${teamIds[random(teamIds.length)]}&pmId=${slotPm}&limit=5`,
      target: 'p95 < 20 ms',
      check: (r) => r.p95 < 20,
    },
  ];

  // Sanity: every scenario answers 200 before it is measured.
  for (const s of scenarios) {
    const probe = await http(BASE, 'GET', s.pathFor(), { token: s.token ?? adminToken });
    if (probe.status !== 200)
      throw new Error(`${s.label} answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);
  }
  // Probes, reported and not measured: the overview as an admin (its figures are measured as a manager).
  const probes = [];
  for (const [who, token] of [
    ['admin', adminToken],
    ['manager', managerToken],
  ]) {
    const started = Date.now();
    const probe = await http(BASE, 'GET', '/api/stats/overview', { token });
    probes.push({
      what: `GET /api/stats/overview as ${who}`,
      status: probe.status,
      ms: Date.now() - started,
      code: probe.body?.code ?? '',
    });
    log(
      `probe: GET /api/stats/overview as ${who} → ${probe.status} ${probe.body?.code ?? ''} (${Date.now() - started} ms)`,
    );
  }

  const rows = [];
  for (const s of scenarios) {
    log(`warm-up: ${s.label} (2 s)`);
    await cannon({
      title: 'warm-up',
      pathFor: s.pathFor,
      token: s.token ?? adminToken,
      connections: CONNECTIONS,
      duration: 2,
    });
    log(`measuring GET /api/health, ${CONNECTIONS} connections, ${DURATION} s`);
    const health = await cannon({
      title: 'health',
      pathFor: () => '/api/health',
      connections: CONNECTIONS,
      duration: DURATION,
    });
    log(`  health p50 ${fmt(health.p50)} ms, ${fmt(health.rps, 0)} req/s`);
    log(`measuring ${s.label}, ${CONNECTIONS} connections, ${DURATION} s`);
    const result = await cannon({
      title: s.key,
      pathFor: s.pathFor,
      token: s.token ?? adminToken,
      connections: CONNECTIONS,
      duration: DURATION,
    });
    log(
      `  p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, ${fmt(result.rps, 0)} req/s, ${statusText(result.statuses)}`,
    );
    rows.push({ ...s, result, health });
  }
  return { rows, probes };
}
