// The read endpoints of `npm run bench`: every dashboard list for each role, and slot search; each measured
// beside a bare GET /api/health under the same load, just before it.
import { cpuDuring, fmt, http, log } from '../lib.mjs';
import { addDays, userId } from '../seed.mjs';
import { cannon, statusText } from './cannon.mjs';
import { BASE, CONNECTIONS, DURATION, WARM_UP, wanted } from './config.mjs';
import { dashboardLists, LIST_TARGET, pagesIn } from './lists.mjs';

const random = (n) => Math.floor(Math.random() * n);

/** The slot searches, as the PM: one team (the old figure) and every team (the dashboard's default). */
async function slotScenarios(db, today, pm) {
  const teamIds = (await db.query(`SELECT id FROM teams ORDER BY name`)).rows.map((r) => r.id);
  const pmId = (await db.query(`SELECT ${userId('pm', 5)} AS id`)).rows[0].id;
  const window = `durationWeeks=2&earliestStart=${today}&latestEnd=${addDays(today, 730)}&pmId=${pmId}&limit=5`;
  return [
    {
      key: 'slots (one team)',
      label: 'GET /api/slots (one team, 2-year window, 2 weeks, limit 5)',
      role: pm.role,
      token: pm.token,
      pathFor: () => `/api/slots?${window}&teamId=${teamIds[random(teamIds.length)]}`,
      target: 'p95 < 20 ms',
      check: (r) => r.p95 < 20,
    },
    {
      key: 'slots (all teams)',
      label: `GET /api/slots (all ${teamIds.length} teams, 2-year window, 2 weeks, limit 5)`,
      role: pm.role,
      token: pm.token,
      pathFor: () => `/api/slots?${window}`,
      target: 'p95 < 50 ms',
      check: (r) => r.p95 < 50,
    },
  ];
}

/**
 * Every dashboard list for every role, probed first: a list that answers other than 200 for a role (a PM has
 * no capacity heat map) is reported as a probe and not measured.
 */
async function listScenarios(roles, today) {
  const scenarios = [];
  const probes = [];
  for (const { role, token } of roles) {
    for (const list of dashboardLists(today)) {
      const started = Date.now();
      const probe = await http(BASE, 'GET', list.pathFor(1), { token });
      const ms = Date.now() - started;
      const pages = list.paged && probe.status === 200 ? pagesIn(probe.body) : 1;
      log(`probe: ${list.label} as ${role} → ${probe.status} (${ms} ms${list.paged ? `, ${pages} pages` : ''})`);
      if (probe.status !== 200) {
        probes.push({ what: `${list.label} as ${role}`, status: probe.status, ms, code: probe.body?.code ?? '' });
        continue;
      }
      scenarios.push({
        key: `${list.key} (${role})`,
        label: `${list.label} (${role}${list.paged ? `, ${pages} pages` : ''})`,
        role,
        token,
        pathFor: () => list.pathFor(pages),
        // The probe was the first request of this list for this role: nothing cached for it yet.
        firstMs: ms,
        target: LIST_TARGET.text,
        check: LIST_TARGET.check,
      });
    }
  }
  return { scenarios, probes };
}

/** CPU used by the API process and PostgreSQL per request while `work` runs, as text for the log (/proc counters). */
async function cpuPerRequest(api, work) {
  const { result, cpu } = await cpuDuring(api, work);
  const n = result.latencies.length || 1;
  const postgres = cpu.postgres === null ? 'not seen' : `${fmt(cpu.postgres / n, 2)} ms`;
  return { result, text: `CPU per request: API ${fmt(cpu.api / n, 2)} ms, PostgreSQL ${postgres}` };
}

/** Health, then the endpoint, under the same load; returns the row of the table. */
async function measure(s, api) {
  log(`warm-up: ${s.label} (${WARM_UP} s)`);
  await cannon({ title: 'warm-up', pathFor: s.pathFor, token: s.token, connections: CONNECTIONS, duration: WARM_UP });
  const { result: health, text: healthCpu } = await cpuPerRequest(api, () =>
    cannon({ title: 'health', pathFor: () => '/api/health', connections: CONNECTIONS, duration: DURATION }),
  );
  log(`  health p50 ${fmt(health.p50)} ms, ${fmt(health.rps, 0)} req/s; ${healthCpu}`);
  const { result, text: cpu } = await cpuPerRequest(api, () =>
    cannon({ title: s.key, pathFor: s.pathFor, token: s.token, connections: CONNECTIONS, duration: DURATION }),
  );
  log(
    `  ${s.key}: p50 ${fmt(result.p50)} ms (${fmt(result.p50 / health.p50, 1)}× health), p95 ${fmt(result.p95)} ms, ${fmt(result.rps, 0)} req/s, ${statusText(result.statuses)}; ${cpu}`,
  );
  return { ...s, result, health };
}

/** Probes, then measures, every list for every role and the slot searches; returns their rows and the probes. */
export async function measureEndpoints(db, roles, today, api) {
  const { scenarios, probes } = await listScenarios(roles, today);
  const pm = roles.find((r) => r.role === 'PM');
  for (const s of await slotScenarios(db, today, pm)) {
    const started = Date.now();
    const probe = await http(BASE, 'GET', s.pathFor(), { token: s.token });
    if (probe.status !== 200)
      throw new Error(`${s.label} answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);
    scenarios.push({ ...s, firstMs: Date.now() - started });
  }
  const rows = [];
  const chosen = scenarios.filter((s) => wanted(s.key));
  for (const [i, s] of chosen.entries()) {
    log(`[${i + 1}/${chosen.length}] ${s.label}, ${CONNECTIONS} connections, ${DURATION} s`);
    rows.push(await measure(s, api));
  }
  return { rows, probes };
}
