import { dropDatabase, prepareDatabase } from '@stint/api-core';
import type { Placement } from '@stint/contracts';
import fc from 'fast-check';
import { Actor, Fixtures, futureMonday, PASSWORD } from './support/fixtures';
import { bodyFor, isContractError, OpenApi, pathFor, queryFor, toJson } from './support/openapi-inputs';
import { removeKeys } from './support/redis-keys';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

/*
 * A fuzz suite generated from the OpenAPI document: every operation × every
 * caller role × 50 hostile inputs (wrong types, nulls, deep nesting, huge
 * strings, control characters, boundary dates and numbers, unknown fields,
 * lists for objects and back, bad ids). Every answer must be 2xx or a 4xx in
 * the contract's shape — never a 5xx — and the API must stay healthy.
 * Runs against its own database, so what it changes touches no other suite.
 * The generated inputs: support/openapi-inputs.ts.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261128);
const RUNS = 50;
const CONCURRENCY = 6;

interface Violation {
  op: string;
  role: string;
  path: string;
  body: string;
  status: number;
  answer: string;
}

describe('OpenAPI fuzz: no input from any caller gives a 500', () => {
  let t: TestApp;
  let dbUrl: string;
  const tokens: Record<string, string | undefined> = {};
  const ids: string[] = [];
  const credentials: Record<string, { email: string; password: string }> = {};

  // A queue prefix of its own: the run's teardown removes only the run's prefix, so this one is removed here.
  const prefix = `${process.env['QUEUE_PREFIX']}-fuzz`;

  beforeAll(async () => {
    const url = new URL(String(process.env['DATABASE_URL']));
    url.pathname = `${url.pathname}_fuzz`;
    dbUrl = url.toString();
    await prepareDatabase(dbUrl);
    t = await startTestApp({ DATABASE_URL: dbUrl, QUEUE_PREFIX: prefix });
    const f = await Fixtures.create(t.url);
    const manager = await f.manager();
    const host = await f.manager();
    const pm = await f.pm(manager);
    const team = await f.team(host, { capacity: 3 });
    const pending = await f.request(pm, team.id, futureMonday(8), 1);
    const booked = await f.booked(await f.pm(manager), manager, host, team.id, futureMonday(12), 2);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: f.admin.token,
    });
    const victim: Actor = await f.pm(manager);
    const blackout = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
      token: f.admin.token,
      body: { name: 'Fuzz', startDate: futureMonday(30), endDate: futureMonday(31) },
    });
    ids.push(
      team.id,
      pending.id,
      booked.id,
      String(booked.placementId),
      victim.user.id,
      ...placement.body.checkIns.map((c) => c.id),
    );
    if (blackout.body?.id) ids.push(blackout.body.id);
    credentials['pm'] = { email: pm.user.email, password: PASSWORD };
    credentials['manager'] = { email: manager.user.email, password: PASSWORD };
    credentials['admin'] = { email: 'admin@stint.local', password: 'admin' };
  });

  afterAll(async () => {
    await t.close();
    await dropDatabase(dbUrl);
    await removeKeys(process.env['REDIS_URL'] ?? 'redis://localhost:6379', prefix);
  });

  /** Fresh tokens before each operation: a fuzzed call may have ended a session (a role change, a deactivation). */
  async function refreshTokens(): Promise<void> {
    tokens['anonymous'] = undefined;
    for (const [role, c] of Object.entries(credentials))
      tokens[role] = await loginAs(t.url, c.email, c.password).catch(() => undefined);
  }

  it(
    `answers every operation for every role with a 2xx or a 4xx in the contract's shape (seed ${SEED})`,
    async () => {
      const doc = (await call<OpenApi>(t.url, 'GET', '/api/docs-json')).body;
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          // Signing out ends the fuzzing roles' own sessions; those routes have their own tests.
          .filter(() => !['/api/auth/logout', '/api/auth/logout-all'].includes(path))
          .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
      );
      expect(operations.length).toBeGreaterThan(30);
      const violations: Violation[] = [];
      let sent = 0;
      for (const [index, { path, method, op }] of operations.entries()) {
        await refreshTokens();
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const inputs = fc.sample(
          fc.record({
            path: pathFor(path, ids),
            query: queryFor(op, doc, ids),
            body: schema ? bodyFor(schema, doc, ids) : fc.constant(undefined),
          }),
          {
            numRuns: RUNS,
            seed: SEED + index,
          },
        );
        for (const role of ['anonymous', 'pm', 'manager', 'admin']) {
          for (let i = 0; i < inputs.length; i += CONCURRENCY) {
            await Promise.all(
              inputs.slice(i, i + CONCURRENCY).map(async (input) => {
                const rawBody = input.body === undefined ? undefined : toJson(input.body);
                const result = await call(t.url, method, `${input.path}${input.query}`, {
                  token: tokens[role],
                  rawBody,
                });
                sent++;
                const ok =
                  result.status < 300 ||
                  (result.status >= 400 && result.status < 500 && isContractError(result.body, result.status));
                if (!ok) {
                  violations.push({
                    op: `${method} ${path}`,
                    role,
                    path: `${input.path}${input.query}`.slice(0, 200),
                    body: (rawBody ?? '').slice(0, 200),
                    status: result.status,
                    answer: JSON.stringify(result.body).slice(0, 300),
                  });
                }
              }),
            );
          }
        }
        const health = await call(t.url, 'GET', '/api/health');
        if (health.status !== 200)
          violations.push({
            op: `${method} ${path}`,
            role: '-',
            path: '/api/health',
            body: '',
            status: health.status,
            answer: 'the API is not healthy after this operation',
          });
      }
      const grouped = new Map<string, Violation[]>();
      for (const v of violations)
        grouped.set(`${v.op} → ${v.status}`, [...(grouped.get(`${v.op} → ${v.status}`) ?? []), v]);
      const report = [...grouped.entries()]
        .map(
          ([key, list]) =>
            `${key} (${list.length}×), e.g. as ${list[0]?.role}: ${list[0]?.path} ${list[0]?.body} → ${list[0]?.answer}`,
        )
        .join('\n');
      console.log(
        `OpenAPI fuzz: ${operations.length} operations × 4 roles × ${RUNS} inputs = ${sent} requests, seed ${SEED}; ${violations.length} violations.`,
      );
      expect(report).toBe('');
    },
    15 * 60_000,
  );
});
