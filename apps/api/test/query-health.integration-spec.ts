/**
 * Query health at the benchmark's placement scale: 200 teams, 1,300 users,
 * 20,000 placements, 80,000 check-ins, 20,200 rotation requests (40,000
 * approvals), bulk-inserted by SQL in a few seconds into a database of this
 * spec's own (so the other specs' data and counts are untouched), then
 * VACUUM ANALYZE as a long-running database would have it.
 *
 * Why this scale and not 5,000 placements: at 5,000 rows (a small table) the
 * planner rightly prefers one sequential read of placements to 50 primary-key
 * probes when TypeORM fetches a page's rows by `id IN (…50 ids)`, which would
 * flag a plan that is fine; at 20,000 it probes the primary key. Issue 7 asks
 * for plans "at the benchmark's scale", so that is the scale used.
 *
 * How the SQL is observed: the API under test reaches PostgreSQL through a
 * recording proxy (support/recording-pg-proxy.ts, which says why), so the count
 * per request is exact and the very SQL the endpoint ran, with its parameters,
 * is what this spec hands to EXPLAIN (FORMAT JSON). The seed is in
 * support/query-health-seed.ts, the scenarios in support/query-health-scenarios.ts.
 *
 * What is asserted (never timings: the machine is shared and noisy):
 * 1. Plans: no Seq Scan on placements, check_ins or rotation_requests in any
 *    statement a filtered or paged list request runs. A COUNT over an
 *    unfiltered list must read every visible row whatever the plan, so only
 *    there is a Seq Scan accepted (and only in the COUNT).
 *    Gaps found and reported, not fixed here (the schema is not this spec's),
 *    are listed in KNOWN_GAPS with the evidence; those scenarios are asserted
 *    to still show the gap, so the day an index lands the test says to move
 *    the scenario to the STRICT list.
 * 2. Query counts: the busiest list endpoints issue the same, small number of
 *    statements at pageSize 5, 50 and 200 (no query per row).
 */
import { dropDatabase, FIGURES_SETTLE_MS, prepareDatabase } from '@stint/api-core';
import type { Page, Placement, PlacementListItem } from '@stint/contracts';
import { Client } from 'pg';
import { idSql, LANES, PASSWORD, PENDING, seedAtScale, SLOTS, TEAMS } from './support/query-health-seed';
import { addDays } from './support/dates';
import { KNOWN_GAPS, STRICT } from './support/query-health-scenarios';
import {
  describeFindings,
  Finding,
  isCount,
  outline,
  PlanNode,
  scans,
  touchesWatched,
  WATCHED,
} from './support/query-plans';
import { RecordingPgProxy, Statement } from './support/recording-pg-proxy';

type AnalyzedNode = PlanNode & { 'Rows Removed by Filter'?: number; 'Actual Loops'?: number };
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

describe('query health at scale (plans use indexes; no query per row)', () => {
  let t: TestApp;
  let proxy: RecordingPgProxy;
  let direct: Client;
  let dbUrl: string;
  const tokens: Record<'admin' | 'manager' | 'pm', string> = { admin: '', manager: '', pm: '' };
  const ids = { team: '', pm: '', placement: '' };
  let today = '';

  beforeAll(async () => {
    const base = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@localhost:5432/postgres');
    const own = new URL(base.toString());
    own.pathname = `${base.pathname}_qh`;
    dbUrl = own.toString();
    await dropDatabase(dbUrl);
    await prepareDatabase(dbUrl);

    proxy = new RecordingPgProxy({ host: own.hostname || 'localhost', port: Number(own.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(dbUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    // The app creates the first admin at start (only when no user exists), so it starts before the seed.
    t = await startTestApp({ DATABASE_URL: viaProxy.toString() });
    tokens.admin = await loginAs(t.url, 'admin@stint.local', 'admin');

    direct = new Client({ connectionString: dbUrl });
    await direct.connect();
    today = new Date().toISOString().slice(0, 10);
    await seedAtScale(direct, today);

    const pick = async (sql: string): Promise<string> => String((await direct.query<{ id: string }>(sql)).rows[0]?.id);
    ids.team = await pick(`SELECT ${idSql('team', '7')} AS id`);
    ids.pm = await pick(`SELECT ${idSql('pm', '42')} AS id`);
    ids.placement = await pick(`SELECT ${idSql('pl', '2345')} AS id`);
    tokens.manager = await loginAs(t.url, 'qh-manager3@test.stint', PASSWORD);
    tokens.pm = await loginAs(t.url, 'qh-pm42@test.stint', PASSWORD);

    const counts = (
      await direct.query(
        `SELECT (SELECT count(*) FROM placements)::int AS placements, (SELECT count(*) FROM check_ins)::int AS check_ins,
                (SELECT count(*) FROM rotation_requests)::int AS requests`,
      )
    ).rows[0];
    expect(counts).toEqual({
      placements: TEAMS * LANES * SLOTS,
      check_ins: 4 * TEAMS * LANES * SLOTS,
      requests: TEAMS * LANES * SLOTS + PENDING,
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await direct?.end();
    await proxy?.stop();
    if (dbUrl) await dropDatabase(dbUrl);
  });

  /** The statements one request sends, recorded by the proxy. */
  /**
   * The statements of one request, made cold: a write anywhere advances `figures_version`, so cached totals and
   * figures are computed again and every statement the request can run is seen (and its plan checked).
   */
  async function record(role: keyof typeof tokens, path: string, warm = false): Promise<Statement[]> {
    if (!warm) await direct.query(`SELECT nextval('figures_version')`);
    const from = proxy.statements.length;
    const result = await call(t.url, 'GET', path, { token: tokens[role] });
    expect({ path, status: result.status }).toEqual({ path, status: 200 });
    return proxy.statements.slice(from);
  }

  async function explain(statement: Statement): Promise<PlanNode> {
    const result = await direct.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${statement.sql}`,
      statement.params,
    );
    const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error(`no plan for ${statement.sql}`);
    return plan;
  }

  /** Seq Scans on the watched tables, per statement of the request (a COUNT of an unfiltered list exempt). */
  async function seqScansOf(role: keyof typeof tokens, path: string, unfiltered: boolean): Promise<Finding[]> {
    const statements = (await record(role, path)).filter((s) => /^\s*SELECT/i.test(s.sql) && touchesWatched(s.sql));
    expect(statements.length).toBeGreaterThan(0);
    const findings: Finding[] = [];
    for (const statement of statements) {
      const plan = await explain(statement);
      const seq = scans(plan)
        .filter((s) => s.type === 'Seq Scan' && WATCHED.includes(s.relation))
        .map((s) => s.relation);
      if (seq.length && !(unfiltered && isCount(statement.sql))) {
        findings.push({
          sql: statement.sql.replace(/\s+/g, ' '),
          params: statement.params,
          seqScans: seq,
          plan: outline(plan),
        });
      }
    }
    return findings;
  }

  it.each(STRICT)(
    '$name: every statement uses an index on placements/check_ins/rotation_requests',
    async ({ role, path, unfiltered }) => {
      const findings = await seqScansOf(role, path({ ...ids, today }), unfiltered ?? false);
      if (findings.length) throw new Error(describeFindings(findings));
    },
  );

  // Empty since 0.11.0 (every gap closed); kept so that the next gap found is recorded the same way.
  if (KNOWN_GAPS.length) {
    it.each(KNOWN_GAPS)(
      'known gap, reported: $name still Seq Scans ($why)',
      async ({ role, path, unfiltered, name }) => {
        const findings = await seqScansOf(role, path({ ...ids, today }), unfiltered ?? false);
        // Printed so the evidence travels with every run.
        if (findings.length)
          process.stdout.write(`\n[query-health] known gap "${name}":\n${describeFindings(findings)}\n`);
        expect(findings.length).toBeGreaterThan(0);
      },
    );
  }

  /**
   * The plan PostgreSQL keeps for a named statement once it settles on a generic one (after five runs on a
   * connection, when that is no costlier): forced here, for the statement as the API prepared it.
   */
  async function explainGeneric(statement: Statement): Promise<PlanNode> {
    await direct.query('BEGIN');
    try {
      await direct.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await direct.query(`PREPARE qh_generic AS ${statement.sql}`);
      // EXECUTE's arguments are not bind parameters (EXPLAIN is a utility statement): quoted literals instead.
      const args = statement.params
        .map((value) => (value === null ? 'NULL' : direct.escapeLiteral(value.toString())))
        .join(', ');
      const result = await direct.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) EXECUTE qh_generic${args ? `(${args})` : ''}`,
      );
      const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
      if (!plan) throw new Error(`no generic plan for ${statement.sql}`);
      return plan;
    } finally {
      await direct.query('DEALLOCATE qh_generic').catch(() => undefined);
      await direct.query('ROLLBACK');
    }
  }

  it('named statements keep their index paths as generic plans (what PostgreSQL may settle on after five runs)', async () => {
    const named = new Map<string, Statement>();
    const slots = `/api/slots?durationWeeks=2&earliestStart=${today}&latestEnd=${addDays(today, 365)}&teamId=${ids.team}&pmId=${ids.pm}`;
    for (const [role, path] of [
      ['admin', '/api/check-ins?page=3&pageSize=50'],
      ['manager', '/api/check-ins?page=2&pageSize=50'],
      ['manager', '/api/rotation-requests?page=2&pageSize=50'],
      ['pm', '/api/check-ins?pageSize=50'],
      ['admin', `/api/placements/${ids.placement}`],
      ['admin', slots],
    ] as const) {
      for (const statement of await record(role, path)) if (statement.named) named.set(statement.sql, statement);
    }
    // The sign-in check, the version, the policy, request views, check-ins by id and by placement, a PM's busy days.
    expect(named.size).toBeGreaterThanOrEqual(5);
    const findings: Finding[] = [];
    for (const statement of named.values()) {
      const plan = await explainGeneric(statement);
      const seq = scans(plan)
        .filter((s) => s.type === 'Seq Scan' && WATCHED.includes(s.relation))
        .map((s) => s.relation);
      if (seq.length)
        findings.push({
          sql: statement.sql.replace(/\s+/g, ' '),
          params: statement.params,
          seqScans: seq,
          plan: outline(plan),
        });
    }
    if (findings.length) throw new Error(describeFindings(findings));
  });

  /** Rows each watched table's scans read and threw away (EXPLAIN ANALYZE's "Rows Removed by Filter", over every loop). */
  async function rowsFilteredAway(statement: Statement): Promise<number> {
    const result = await direct.query<{ 'QUERY PLAN': Array<{ Plan: AnalyzedNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
      statement.params,
    );
    const walk = (node: AnalyzedNode): number =>
      (node['Relation Name'] && WATCHED.includes(node['Relation Name'])
        ? (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1)
        : 0) + (node.Plans ?? []).reduce((sum, child) => sum + walk(child as AnalyzedNode), 0);
    const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
    return plan ? walk(plan) : 0;
  }

  it.each(['/api/placements', '/api/rotation-requests', '/api/check-ins'])(
    "a manager's later page of %s reads the rows they see, not the table up to that page",
    async (endpoint) => {
      // A page ordered by date invites the planner to walk the date index and test every row against the
      // manager's rule until the page is full: an index scan, but one that reads most of the table.
      const statements = (await record('manager', `${endpoint}?page=2&pageSize=50`)).filter(
        (s) => /^\s*SELECT/i.test(s.sql) && touchesWatched(s.sql) && !isCount(s.sql),
      );
      expect(statements.length).toBeGreaterThan(0);
      const wasted = await Promise.all(statements.map(rowsFilteredAway));
      // The manager sees a few hundred of the 20,000 placements; reading the table to find them would be thousands.
      expect({ endpoint, wasted }).toEqual({ endpoint, wasted: wasted.map((n) => Math.min(n, 1_000)) });
    },
  );

  it('a deep page starts from the nearest anchor and holds exactly the rows plain OFFSET gives, before and after a write', async () => {
    const ids = async (path: string) =>
      (await call<{ items: Array<{ id: string }> }>(t.url, 'GET', path, { token: tokens.admin })).body.items.map(
        (i) => i.id,
      );
    const offsetPage = async (sql: string, offset: number) =>
      (await direct.query<{ id: string }>(`${sql} OFFSET ${offset} LIMIT 50`)).rows.map((r) => r.id);
    const checkIns = 'SELECT id FROM check_ins ORDER BY scheduled_at, id';
    const requests = 'SELECT id FROM rotation_requests ORDER BY created_at DESC, id DESC';
    // Pages 20 (rows 951–1,000, before the first anchor), 21 (the first after it), 47 and 1,000: each as OFFSET says.
    for (const page of [20, 21, 47, 1000]) {
      expect(await ids(`/api/check-ins?page=${page}&pageSize=50`)).toEqual(await offsetPage(checkIns, (page - 1) * 50));
    }
    for (const page of [21, 60, 200]) {
      expect(await ids(`/api/rotation-requests?page=${page}&pageSize=50`)).toEqual(
        await offsetPage(requests, (page - 1) * 50),
      );
    }
    // The page's statement starts after an anchor (and only walks the rows between it and the page).
    const statements = await record('admin', '/api/check-ins?page=48&pageSize=50');
    expect(statements.some((st) => /anchor\.id = /.test(st.sql) && /OFFSET 350\b/.test(st.sql))).toBe(true);
    // A filter numbers its own rows: upcoming check-ins past the first anchor.
    const upcoming = await ids('/api/check-ins?status=upcoming&page=30&pageSize=50');
    expect(upcoming).toHaveLength(50);
    expect(upcoming).toEqual(
      await offsetPage(
        `SELECT id FROM check_ins WHERE completed_at IS NULL AND cancelled_at IS NULL
            AND scheduled_at >= now() - make_interval(hours => (SELECT overdue_after_hours FROM policy WHERE id = 1))
          ORDER BY scheduled_at, id`,
        29 * 50,
      ),
    );
    // A write moves every later row by one; the anchors are read again, and the pages follow.
    await direct.query(
      `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at)
       SELECT placement_id, 'weekly', due_date, scheduled_at - interval '1 second' FROM check_ins ORDER BY scheduled_at, id LIMIT 1`,
    );
    await new Promise((resolve) => setTimeout(resolve, FIGURES_SETTLE_MS + 50));
    for (const page of [21, 47]) {
      expect(await ids(`/api/check-ins?page=${page}&pageSize=50`)).toEqual(await offsetPage(checkIns, (page - 1) * 50));
    }
  });

  const busiest = ['/api/placements', '/api/placements?include=checkIns', '/api/rotation-requests', '/api/check-ins'];
  const roles = ['admin', 'manager', 'pm'] as const;
  const byRole = roles.flatMap((role) => busiest.map((endpoint) => ({ role, endpoint })));

  it.each(byRole)(
    '$endpoint as $role issues the same small number of statements at pageSize 5, 50 and 200 (no query per row)',
    async ({ role, endpoint }) => {
      const perSize: Record<number, number> = {};
      const shapes: string[] = [];
      const join = endpoint.includes('?') ? '&' : '?';
      for (const size of [5, 50, 200]) {
        // Each page really holds `size` rows (checked below), so a per-row query would show.
        const statements = await record(role, `${endpoint}${join}pageSize=${size}`);
        perSize[size] = statements.length;
        if (size === 50) shapes.push(...statements.map((st) => st.sql.replace(/\s+/g, ' ').slice(0, 110)));
      }
      process.stdout.write(
        `\n[query-health] ${endpoint} as ${role}: statements per request at pageSize 5/50/200 = ${perSize[5]}/${perSize[50]}/${perSize[200]}\n  ${shapes.join('\n  ')}\n`,
      );
      const first = await call<{ items: unknown[] }>(t.url, 'GET', `${endpoint}${join}pageSize=200`, {
        token: tokens[role],
      });
      // The seeded manager and PM see fewer rows than an admin, but still more than 5 (so the sizes differ).
      expect(first.body.items.length).toBeGreaterThan(5);
      if (role === 'admin') expect(first.body.items).toHaveLength(200);
      // A look-up runs only when its page needs it (host assessments when a final check-in is on the page),
      // so a 5-row page may run one statement fewer; 50 and 200 rows hold every kind, and must cost the same.
      expect(perSize[5]).toBeLessThanOrEqual(perSize[50] as number);
      expect(perSize[50]).toBe(perSize[200]);
      // The invariant is "independent of the page size"; the cap (auth, count, page ids, rows and a few
      // batched look-ups, 5–9 today) only keeps the handful from quietly growing.
      expect(perSize[200]).toBeLessThanOrEqual(12);
    },
  );

  it.each(byRole)(
    'paging through $endpoint as $role counts the list once, until something is written',
    async ({ role, endpoint }) => {
      const join = endpoint.includes('?') ? '&' : '?';
      const counts = (statements: Statement[]) =>
        statements.filter((st) => /\bcount\(\*\)|^\s*EXPLAIN/i.test(st.sql)).length;
      const first = await record(role, `${endpoint}${join}page=1&pageSize=5`);
      expect(counts(first)).toBeGreaterThan(0);
      // A count made just as the version moved is not kept past that moment (the write may not have been
      // visible yet: FIGURES_SETTLE_MS); the first request after it counts once more, and that count is kept.
      await new Promise((resolve) => setTimeout(resolve, FIGURES_SETTLE_MS + 50));
      await record(role, `${endpoint}${join}page=1&pageSize=5`, true);
      const second = await record(role, `${endpoint}${join}page=2&pageSize=5`, true);
      expect(counts(second)).toBe(0);
      expect(second.length).toBeLessThan(first.length);
      const [one, two] = await Promise.all(
        [1, 2].map((page) =>
          call<{ total: number }>(t.url, 'GET', `${endpoint}${join}page=${page}&pageSize=5`, { token: tokens[role] }),
        ),
      );
      expect(two?.body.total).toBe(one?.body.total);
      // A write (here a bare advance of the version, as any write's trigger does) makes the next page count again.
      const afterWrite = await record(role, `${endpoint}${join}page=3&pageSize=5`);
      expect(counts(afterWrite)).toBeGreaterThan(0);
    },
  );

  it('lists are lean: check-ins only when asked for, the detail always has them', async () => {
    const lean = await call<Page<PlacementListItem>>(t.url, 'GET', '/api/placements?pageSize=20', {
      token: tokens.manager,
    });
    const full = await call<Page<PlacementListItem>>(t.url, 'GET', '/api/placements?include=checkIns&pageSize=20', {
      token: tokens.manager,
    });
    expect(lean.body.items.length).toBe(20);
    expect(lean.body.items.every((p) => p.checkIns === undefined)).toBe(true);
    expect(full.body.items.map((p) => p.id)).toEqual(lean.body.items.map((p) => p.id));
    const first = full.body.items[0] as PlacementListItem;
    const detail = await call<Placement>(t.url, 'GET', `/api/placements/${first.id}`, { token: tokens.manager });
    expect(first.checkIns?.length).toBeGreaterThan(0);
    expect(first.checkIns).toEqual(detail.body.checkIns);
    // The page without them is a fraction of the one with them.
    expect(JSON.stringify(lean.body).length).toBeLessThan(JSON.stringify(full.body).length / 2);

    const bad = await call<{ code: string; details: { fields: Record<string, string> } }>(
      t.url,
      'GET',
      '/api/placements?include=everything',
      { token: tokens.manager },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields['include']).toMatch(/checkIns/);
  });

  it('totals are exact up to 10,000 rows and a flagged estimate beyond (no COUNT over every row)', async () => {
    const exactCount = async (sql: string, params: unknown[] = []) =>
      Number((await direct.query<{ n: string }>(sql, params)).rows[0]?.n);
    const all = await call<Page<PlacementListItem>>(t.url, 'GET', '/api/placements?pageSize=5', {
      token: tokens.admin,
    });
    const real = await exactCount('SELECT count(*) AS n FROM placements');
    expect(all.body.totalEstimated).toBe(true);
    expect(all.body.total).toBeGreaterThan(10_000);
    // After ANALYZE the planner's figure is close; a user reads "about 20,000".
    expect(Math.abs(all.body.total - real) / real).toBeLessThan(0.25);

    const team = await call<Page<PlacementListItem>>(t.url, 'GET', `/api/placements?teamId=${ids.team}&pageSize=5`, {
      token: tokens.admin,
    });
    expect(team.body.totalEstimated).toBe(false);
    expect(team.body.total).toBe(
      await exactCount('SELECT count(*) AS n FROM placements WHERE team_id = $1', [ids.team]),
    );

    const checkIns = await call<Page<unknown>>(t.url, 'GET', '/api/check-ins?status=upcoming&pageSize=5', {
      token: tokens.admin,
    });
    expect(checkIns.body.totalEstimated).toBe(true);
    expect(checkIns.body.total).toBeGreaterThan(10_000);
  });

  it('status and date-window filters answer what the rules say (checked against plain SQL)', async () => {
    const count = async (where: string, params: unknown[]) =>
      Number(
        (
          await direct.query<{ n: string }>(
            `SELECT count(*) AS n FROM placements p JOIN teams t ON t.id = p.team_id WHERE p.team_id = $1 AND ${where}`,
            params,
          )
        ).rows[0]?.n,
      );
    const api = async (query: string) =>
      (
        await call<Page<PlacementListItem>>(t.url, 'GET', `/api/placements?teamId=${ids.team}&${query}&pageSize=5`, {
          token: tokens.admin,
        })
      ).body;
    const local = `(now() AT TIME ZONE t.timezone)::date`;
    const expected: Record<string, string> = {
      active: `p.cancelled_at IS NULL AND p.start_date <= ${local} AND p.end_date >= ${local}`,
      scheduled: `p.cancelled_at IS NULL AND p.start_date > ${local}`,
      completed: `p.cancelled_at IS NULL AND p.end_date < ${local}`,
      cancelled: 'p.cancelled_at IS NOT NULL',
    };
    const seen: Record<string, number> = {};
    for (const [status, where] of Object.entries(expected)) {
      const page = await api(`status=${status}`);
      expect({ status, total: page.total }).toEqual({ status, total: await count(where, [ids.team]) });
      expect(page.items.every((p) => p.status === status)).toBe(true);
      seen[status] = page.total;
    }
    // The seed gives the team placements in the past, now and ahead, so each case was really exercised.
    expect(seen['active']).toBeGreaterThan(0);
    expect(seen['scheduled']).toBeGreaterThan(0);
    expect(seen['completed']).toBeGreaterThan(0);

    const from = today;
    const to = addDays(today, 60);
    const windows: Array<[string, string, unknown[]]> = [
      [`from=${from}&to=${to}`, 'p.end_date >= $2 AND p.start_date <= $3', [ids.team, from, to]],
      [`from=${from}`, 'p.end_date >= $2', [ids.team, from]],
      [`to=${to}`, 'p.start_date <= $2', [ids.team, to]],
    ];
    for (const [query, where, params] of windows) {
      expect({ query, total: (await api(query)).total }).toEqual({ query, total: await count(where, params) });
    }
  });
});
