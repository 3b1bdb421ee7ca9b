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
 * How the SQL is observed — the honest approach that works on this server:
 * - pg_stat_statements is installed but not loaded (shared_preload_libraries is
 *   empty, and loading it needs a server restart), so it cannot count anything.
 * - pg_stat_database counts transactions, not statements, server-wide and with
 *   a flush delay, so it cannot attribute statements to one request.
 * - So the API under test reaches PostgreSQL through a small recording proxy
 *   (below) that reads the frontend protocol: every simple Query ('Q') and every
 *   Parse ('P') is one statement the app sent (node-postgres parses each
 *   parameterised statement unnamed, once per execution), and each Bind ('B')
 *   carries that statement's parameters. The count per request is therefore
 *   exact, and the very SQL the endpoint ran, with its parameters, is what this
 *   spec hands to EXPLAIN (FORMAT JSON) — no hand-written "equivalent" queries.
 *
 * What is asserted (never timings: the machine is shared and noisy):
 * 1. Plans: no Seq Scan on placements, check_ins or rotation_requests in any
 *    statement a filtered or paged list request runs. A COUNT over an
 *    unfiltered list must read every visible row whatever the plan, so only
 *    there is a Seq Scan accepted (and only in the COUNT).
 *    Gaps found and reported, not fixed here (the schema is not this spec's),
 *    are listed in KNOWN_GAPS with the evidence; those scenarios are asserted
 *    to still show the gap, so the day an index lands the test says to move
 *    the scenario to the strict list.
 * 2. Query counts: the busiest list endpoints issue the same, small number of
 *    statements at pageSize 5, 50 and 200 (no query per row).
 */
import { dropDatabase, prepareDatabase } from '@stint/api-core';
import bcrypt from 'bcryptjs';
import { createServer, Server, Socket } from 'node:net';
import { Client } from 'pg';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

const TEAMS = 200;
const LANES = 5; // placements per team per day; capacity is LANES + 1
const SLOTS = 20; // consecutive fortnights on one grid shared by all teams
const PMS = 1100; // ≥ TEAMS × LANES, so PMs never overlap within a slot
const PENDING = 200;
const PASSWORD = 'query-health-1';
const WATCHED = ['placements', 'check_ins', 'rotation_requests'];

/** Deterministic ids (md5 shaped as a v4 UUID), so seeding needs no round trips. */
const idSql = (tag: string, n: string) =>
  `overlay(overlay(md5('${tag}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

interface Statement {
  sql: string;
  params: Array<string | Buffer | null>;
}

/**
 * A TCP proxy in front of PostgreSQL that records what the client sends:
 * the SQL of every Query and Parse message and the parameters of each Bind.
 */
class RecordingPgProxy {
  readonly statements: Statement[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      let buffer: Buffer = Buffer.alloc(0);
      let started = false;
      let lastUnnamed: Statement | null = null;
      const parse = (): void => {
        for (;;) {
          if (!started) {
            if (buffer.length < 8) return;
            const length = buffer.readInt32BE(0);
            if (buffer.length < length) return;
            const code = buffer.readInt32BE(4);
            buffer = buffer.subarray(length);
            if (code !== 80877103 && code !== 80877104) started = true; // not SSLRequest/GSSENCRequest
            continue;
          }
          if (buffer.length < 5) return;
          const type = String.fromCharCode(buffer[0] as number);
          const length = buffer.readInt32BE(1);
          if (buffer.length < 1 + length) return;
          const body = buffer.subarray(5, 1 + length);
          buffer = buffer.subarray(1 + length);
          if (type === 'Q') {
            this.statements.push({ sql: cstring(body, 0).value, params: [] });
          } else if (type === 'P') {
            const name = cstring(body, 0);
            const statement: Statement = { sql: cstring(body, name.next).value, params: [] };
            this.statements.push(statement);
            if (name.value === '') lastUnnamed = statement;
          } else if (type === 'B') {
            const portal = cstring(body, 0);
            const name = cstring(body, portal.next);
            let at = name.next;
            const formatCount = body.readInt16BE(at);
            const formats: number[] = [];
            at += 2;
            for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
            const paramCount = body.readInt16BE(at);
            at += 2;
            const params: Array<string | Buffer | null> = [];
            for (let i = 0; i < paramCount; i++) {
              const size = body.readInt32BE(at);
              at += 4;
              if (size < 0) {
                params.push(null);
                continue;
              }
              const raw = body.subarray(at, at + size);
              at += size;
              const format = formats.length === 1 ? formats[0] : (formats[i] ?? 0);
              params.push(format === 1 ? Buffer.from(raw) : raw.toString('utf8'));
            }
            if (name.value === '' && lastUnnamed) lastUnnamed.params = params;
          }
        }
      };
      this.sockets.add(client).add(upstream);
      // Forwarded from our own listener (a pipe set up later would miss the startup message).
      client.on('data', (chunk: Buffer) => {
        upstream.write(chunk);
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        parse();
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(this.target.port, this.target.host);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server?.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function cstring(buffer: Buffer, from: number): { value: string; next: number } {
  const end = buffer.indexOf(0, from);
  return { value: buffer.toString('utf8', from, end), next: end + 1 };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(
  node: PlanNode,
  out: Array<{ type: string; relation: string; index?: string }> = [],
): Array<{ type: string; relation: string; index?: string }> {
  if (node['Relation Name'])
    out.push({ type: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] });
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** One-line plan outline for failure messages and the report: the tree, indented. */
function outline(node: PlanNode, depth = 0): string {
  const self = `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`;
  return [self, ...(node.Plans ?? []).map((c) => outline(c, depth + 1))].join('\n');
}

const touchesWatched = (sql: string): boolean =>
  WATCHED.some((t) => new RegExp(`\\b(FROM|JOIN)\\s+"?${t}"?\\b`, 'i').test(sql));
const isCount = (sql: string): boolean => /^\s*SELECT\s+COUNT\s*\(/i.test(sql);

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
    // The grid: fortnights starting on a Monday, half behind today, half ahead.
    const startDay = new Date(`${today}T00:00:00Z`);
    startDay.setUTCDate(startDay.getUTCDate() - ((startDay.getUTCDay() + 6) % 7) - 14 * (SLOTS / 2));
    const gridStart = startDay.toISOString().slice(0, 10);
    const hash = bcrypt.hashSync(PASSWORD, 4);
    const perSlot = TEAMS * LANES;

    await direct.query('BEGIN');
    await direct.query(
      `INSERT INTO users (id, email, name, role, manager_id, password_hash)
       SELECT ${idSql('mgr', 'i')}, 'qh-manager' || i || '@test.stint', 'Manager ' || i, 'manager', NULL, $1 FROM generate_series(0, $2::int - 1) i`,
      [hash, TEAMS],
    );
    await direct.query(
      `INSERT INTO users (id, email, name, role, manager_id, password_hash)
       SELECT ${idSql('pm', 'i')}, 'qh-pm' || i || '@test.stint', 'PM ' || i, 'pm', ${idSql('mgr', '(i % $3::int)')}, $1 FROM generate_series(0, $2::int - 1) i`,
      [hash, PMS, TEAMS],
    );
    await direct.query(
      `INSERT INTO teams (id, name, manager_id, capacity)
       SELECT ${idSql('team', 'i')}, 'QH team ' || i, ${idSql('mgr', 'i')}, $2::int FROM generate_series(0, $1::int - 1) i`,
      [TEAMS, LANES + 1],
    );
    // Placement k: slot ⌊k / perSlot⌋, team ⌊(k mod perSlot) / LANES⌋, PM k mod PMS, two weeks.
    const k = `generate_series(0, ${perSlot * SLOTS - 1}) k`;
    const start = `($1::date + 14 * (k / ${perSlot}))`;
    await direct.query(
      `INSERT INTO rotation_requests (id, pm_id, team_id, start_date, end_date, duration_weeks, status, created_at, pending_since)
       SELECT ${idSql('rq', 'k')}, ${idSql('pm', `(k % ${PMS})`)}, ${idSql('team', `((k % ${perSlot}) / ${LANES})`)}, ${start}, ${start} + 13, 2, 'booked',
              least(now(), (${start} - 20)::timestamp AT TIME ZONE 'UTC' + k * interval '1 second'), now()
         FROM ${k}`,
      [gridStart],
    );
    await direct.query(
      `INSERT INTO placements (id, request_id, pm_id, team_id, start_date, end_date, duration_weeks, cancelled_at, cancelled_reason)
       SELECT ${idSql('pl', 'k')}, ${idSql('rq', 'k')}, ${idSql('pm', `(k % ${PMS})`)}, ${idSql('team', `((k % ${perSlot}) / ${LANES})`)}, ${start}, ${start} + 13, 2,
              CASE WHEN k % 97 = 13 THEN now() END, CASE WHEN k % 97 = 13 THEN 'changed plans' END
         FROM ${k}`,
      [gridStart],
    );
    await direct.query(
      `UPDATE rotation_requests r SET placement_id = ${idSql('pl', 'k')} FROM ${k} WHERE r.id = ${idSql('rq', 'k')}`,
    );
    await direct.query(
      `INSERT INTO request_approvals (request_id, step, decision, by_id, at)
       SELECT r.id, s.step, 'approved', CASE s.step WHEN 'manager' THEN pm.manager_id ELSE t.manager_id END, r.created_at
         FROM rotation_requests r JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
        CROSS JOIN (VALUES ('manager'), ('host')) s(step)`,
    );
    // W + 2 = 4 check-ins per fortnight: kickoff, midpoint (day 7), final (Friday, day 11), follow-up (day 43).
    await direct.query(
      `INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at, completed_at, rating_negotiation, rating_closing, rating_persistence, cancelled_at)
       SELECT p.id, c.kind, p.start_date + c.off, x.at,
              CASE WHEN x.done THEN x.at END, CASE WHEN x.done THEN 3 END, CASE WHEN x.done THEN 3 END, CASE WHEN x.done THEN 4 END,
              p.cancelled_at
         FROM placements p
        CROSS JOIN (VALUES ('kickoff', 0), ('midpoint', 7), ('final', 11), ('follow_up', 43)) c(kind, off)
        CROSS JOIN LATERAL (SELECT ((p.start_date + c.off) + time '10:00') AT TIME ZONE 'UTC' AS at) y
        CROSS JOIN LATERAL (SELECT y.at, (y.at < now() AND p.cancelled_at IS NULL AND hashtext(p.id::text || c.kind) % 7 <> 0) AS done) x`,
    );
    await direct.query(
      `INSERT INTO check_in_feedback (check_in_id, by_id, text)
       SELECT c.id, t.manager_id, 'Good progress.' FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN teams t ON t.id = p.team_id
        WHERE c.completed_at IS NOT NULL AND hashtext(c.id::text) % 5 = 0`,
    );
    // Pending requests after the grid, one per PM, so they never overlap.
    await direct.query(
      `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, status, pending_since)
       SELECT ${idSql('pm', 'i')}, ${idSql('team', `(i % ${TEAMS})`)}, $1::date + 14 * ${SLOTS} + 7 * (i % 8), $1::date + 14 * ${SLOTS} + 7 * (i % 8) + 13, 2,
              CASE WHEN i % 2 = 0 THEN 'pending_manager' ELSE 'pending_host' END, now() - i * interval '1 minute'
         FROM generate_series(0, ${PENDING - 1}) i`,
      [gridStart],
    );
    await direct.query('COMMIT');
    await direct.query('VACUUM (ANALYZE)');

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
  async function record(role: keyof typeof tokens, path: string): Promise<Statement[]> {
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

  interface Finding {
    sql: string;
    params: Array<string | Buffer | null>;
    seqScans: string[];
    plan: string;
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

  const describeFindings = (findings: Finding[]): string =>
    findings
      .map(
        (f) =>
          `Seq Scan on ${f.seqScans.join(', ')} in:\n  ${f.sql}\n  params ${JSON.stringify(f.params)}\n${f.plan.replace(/^/gm, '    ')}`,
      )
      .join('\n\n');

  // Filtered and paged list requests whose every statement must use an index.
  const strict: Array<{ name: string; role: keyof typeof tokens; path: () => string; unfiltered?: boolean }> = [
    {
      name: 'placements, first page (admin)',
      role: 'admin',
      path: () => '/api/placements?pageSize=50',
      unfiltered: true,
    },
    {
      name: 'placements, page 200 (admin)',
      role: 'admin',
      path: () => '/api/placements?page=200&pageSize=50',
      unfiltered: true,
    },
    { name: 'placements of a team', role: 'admin', path: () => `/api/placements?teamId=${ids.team}&pageSize=50` },
    {
      name: 'placements of a team in a date window',
      role: 'admin',
      path: () => `/api/placements?teamId=${ids.team}&from=${today}&to=${today}&pageSize=50`,
    },
    { name: 'placements of a PM', role: 'admin', path: () => `/api/placements?pmId=${ids.pm}&pageSize=50` },
    { name: 'placements as the PM (visibility)', role: 'pm', path: () => '/api/placements?pageSize=50' },
    { name: 'one placement with its check-ins', role: 'admin', path: () => `/api/placements/${ids.placement}` },
    {
      name: 'rotation requests pending a host',
      role: 'admin',
      path: () => '/api/rotation-requests?status=pending_host&pageSize=50',
    },
    {
      name: 'rotation requests of a team',
      role: 'admin',
      path: () => `/api/rotation-requests?teamId=${ids.team}&pageSize=50`,
    },
    {
      name: 'rotation requests of a PM',
      role: 'admin',
      path: () => `/api/rotation-requests?pmId=${ids.pm}&pageSize=50`,
    },
    { name: 'rotation requests as the PM', role: 'pm', path: () => '/api/rotation-requests?pageSize=50' },
    {
      name: 'rotation requests awaiting the manager',
      role: 'manager',
      path: () => '/api/rotation-requests?awaitingMe=true&pageSize=50',
    },
    {
      name: 'check-ins of a placement',
      role: 'admin',
      path: () => `/api/check-ins?placementId=${ids.placement}&pageSize=50`,
    },
    { name: 'check-ins as the PM', role: 'pm', path: () => '/api/check-ins?pageSize=50' },
    // Closed by migration AddListIndexes:
    {
      name: 'rotation requests, first page (admin)',
      role: 'admin',
      path: () => '/api/rotation-requests?pageSize=50',
      unfiltered: true,
    },
    {
      name: 'check-ins, first page (admin)',
      role: 'admin',
      path: () => '/api/check-ins?pageSize=50',
      unfiltered: true,
    },
    {
      name: 'check-ins in a date window',
      role: 'admin',
      path: () => `/api/check-ins?from=${today}&to=${today}&pageSize=50`,
    },
  ];

  /**
   * Gaps found at this scale, reported with their evidence (table, query, plan:
   * printed on every run) and not fixed here: the schema and the services are
   * not this spec's to change. Each is asserted to still Seq Scan, so the day
   * an index or a query rewrite closes one, this test fails and says to move
   * the scenario to `strict` above.
   */
  const KNOWN_GAPS: Array<{
    name: string;
    role: keyof typeof tokens;
    path: () => string;
    unfiltered?: boolean;
    why: string;
  }> = [
    {
      name: 'check-ins upcoming',
      role: 'admin',
      path: () => '/api/check-ins?status=upcoming&pageSize=50',
      why: 'the filter is now on the bare column (scheduled_at >= :now - interval), but with most check-ins open the planner still reads the whole table for the COUNT; a partial index on open check-ins by scheduled_at, or an estimated count, would help',
    },
    {
      name: 'check-ins overdue',
      role: 'admin',
      path: () => '/api/check-ins?status=overdue&pageSize=50',
      why: 'as for upcoming: sargable now, still a Seq Scan for the COUNT at this selectivity',
    },
    {
      name: 'placements active',
      role: 'admin',
      path: () => '/api/placements?status=active&pageSize=50',
      why: "status is derived per row in the team's time zone ((:now AT TIME ZONE t.timezone)::date), so the COUNT reads every placement; a sargable superset bound (start_date <= :today + 1 AND end_date >= :today - 1) beside it would let an index narrow it",
    },
    {
      name: 'placements in a date window (all teams)',
      role: 'admin',
      path: () => `/api/placements?from=${today}&to=${today}&pageSize=50`,
      why: 'end_date >= :from AND start_date <= :to is two-sided; the B-tree on start_date serves one side only and the GiST range index is per team and partial (cancelled_at IS NULL): missing a GiST index on daterange(start_date, end_date) queried with &&',
    },
    {
      name: 'placements as a manager (visibility)',
      role: 'manager',
      path: () => '/api/placements?pageSize=50',
      why: '(pm.manager_id = :viewer OR t.manager_id = :viewer) spans two joined tables, so no index on placements can serve it; needs a rewrite (p.team_id IN (teams I manage) OR p.pm_id IN (my reports), or a UNION)',
    },
    {
      name: 'rotation requests as a manager (visibility)',
      role: 'manager',
      path: () => '/api/rotation-requests?pageSize=50',
      why: 'the same OR across joined tables as placements',
    },
    {
      name: 'check-ins as a manager (visibility)',
      role: 'manager',
      path: () => '/api/check-ins?pageSize=50',
      why: 'the same OR across joined tables, through placements',
    },
  ];

  it.each(strict)(
    '$name: every statement uses an index on placements/check_ins/rotation_requests',
    async ({ role, path, unfiltered }) => {
      const findings = await seqScansOf(role, path(), unfiltered ?? false);
      if (findings.length) throw new Error(describeFindings(findings));
    },
  );

  it.each(KNOWN_GAPS)('known gap, reported: $name still Seq Scans ($why)', async ({ role, path, unfiltered, name }) => {
    const findings = await seqScansOf(role, path(), unfiltered ?? false);
    // Printed so the evidence travels with every run.
    if (findings.length) process.stdout.write(`\n[query-health] known gap "${name}":\n${describeFindings(findings)}\n`);
    expect(findings.length).toBeGreaterThan(0);
  });

  const busiest = ['/api/placements', '/api/rotation-requests', '/api/check-ins'];

  it.each(busiest)(
    '%s issues the same small number of statements at pageSize 5, 50 and 200 (no query per row)',
    async (endpoint) => {
      const perSize: Record<number, number> = {};
      const shapes: string[] = [];
      for (const size of [5, 50, 200]) {
        // Each page really holds `size` rows (checked below), so a per-row query would show.
        const statements = await record('admin', `${endpoint}?pageSize=${size}`);
        perSize[size] = statements.length;
        if (size === 50) shapes.push(...statements.map((st) => st.sql.replace(/\s+/g, ' ').slice(0, 110)));
      }
      process.stdout.write(
        `\n[query-health] ${endpoint}: statements per request at pageSize 5/50/200 = ${perSize[5]}/${perSize[50]}/${perSize[200]}\n  ${shapes.join('\n  ')}\n`,
      );
      const first = await call<{ items: unknown[] }>(t.url, 'GET', `${endpoint}?pageSize=200`, { token: tokens.admin });
      expect(first.body.items).toHaveLength(200);
      expect(perSize[5]).toBe(perSize[50]);
      expect(perSize[50]).toBe(perSize[200]);
      // The invariant is "independent of the page size"; the cap (auth, count, page ids, rows and a few
      // batched look-ups, 5–9 today) only keeps the handful from quietly growing.
      expect(perSize[200]).toBeLessThanOrEqual(12);
    },
  );
});
