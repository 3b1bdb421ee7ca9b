import { dropDatabase, prepareDatabase } from '@stint/api-core';
import type { Placement } from '@stint/contracts';
import fc from 'fast-check';
import { Actor, Fixtures, futureMonday, PASSWORD } from './support/fixtures';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

/*
 * A fuzz suite generated from the OpenAPI document: every operation × every
 * caller role × 50 hostile inputs (wrong types, nulls, deep nesting, huge
 * strings, control characters, boundary dates and numbers, unknown fields,
 * lists for objects and back, bad ids). Every answer must be 2xx or a 4xx in
 * the contract's shape — never a 5xx — and the API must stay healthy.
 * Runs against its own database, so what it changes touches no other suite.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261128);
const RUNS = 50;
const CONCURRENCY = 6;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  nullable?: boolean;
  allOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Deep nesting travels as ready-made JSON text: building it as objects would overflow this process's own stack. */
interface RawJson {
  raw: string;
}
const deep = (levels: number): RawJson => ({ raw: '[{"a":'.repeat(levels / 2) + '1' + '}]'.repeat(levels / 2) });
const isRaw = (v: unknown): v is RawJson =>
  typeof v === 'object' && v !== null && 'raw' in v && Object.keys(v).length === 1;

function toJson(value: unknown): string {
  if (isRaw(value)) return value.raw;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const HOSTILE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'x'.repeat(100_000),
  'nul\u0000byte',
  'bell\u0007 and escape\u001b[31m',
  'two\nlines',
  '0001-01-01',
  '9999-12-31',
  '1999-12-31',
  '2101-01-01',
  '2027-02-30',
  '2027-13-01',
  'AET',
  'US/Pacific-New',
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  -1,
  0,
  2 ** 31,
  -(2 ** 31) - 1,
  1e308,
  1.5,
  'NaN',
  true,
  [],
  [1, 2, 3],
  ['a', null],
  {},
  { nested: { deeper: 'x' } },
  deep(40),
  deep(2000),
];

function resolve(schema: Schema | undefined, doc: OpenApi): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], doc);
  if (schema.allOf?.length) return resolve(schema.allOf[0], doc);
  return schema;
}

/** A plausible value for a field, so part of every body reaches the handler's deeper code. */
function plausible(schema: Schema | undefined, doc: OpenApi, ids: string[]): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (!s) return fc.constant('x');
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.example !== undefined) return fc.constant(s.example);
  if (s.format === 'uuid') return fc.constantFrom(...ids);
  switch (s.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: -2, max: 60 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(s.items, doc, ids), { maxLength: 3 });
    case 'object':
      return bodyFor(s, doc, ids);
    default:
      return fc.constantFrom('2027-03-01', 'Europe/Berlin', 'A short text', 'closing');
  }
}

function fieldValue(schema: Schema | undefined, doc: OpenApi, ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 2 },
    { arbitrary: plausible(schema, doc, ids), weight: 1 },
  );
}

function bodyFor(schema: Schema | undefined, doc: OpenApi, ids: string[]): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const props = Object.entries(s?.properties ?? {});
  const object = fc
    .tuple(
      ...props.map(([, p]) => fc.option(fieldValue(p, doc, ids), { nil: undefined, freq: 3 })),
      fc.option(fc.constantFrom(...HOSTILE_VALUES), { nil: undefined, freq: 2 }),
    )
    .map((values) => {
      const body: Record<string, unknown> = {};
      props.forEach(([name], i) => {
        if (values[i] !== undefined) body[name] = values[i];
      });
      const unknown = values[props.length];
      if (unknown !== undefined) body['unexpectedField'] = unknown;
      return body;
    });
  return fc.oneof(
    { arbitrary: object, weight: 6 },
    { arbitrary: fc.constantFrom<unknown>([], 'text', 42, null, deep(5000), [{}]), weight: 1 },
  );
}

function queryFor(op: Operation, doc: OpenApi, ids: string[]): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (!params.length) return fc.constant('');
  return fc
    .tuple(...params.map((p) => fc.option(fieldValue(p.schema, doc, ids), { nil: undefined, freq: 2 })))
    .map((values) => {
      const q = new URLSearchParams();
      params.forEach((p, i) => {
        const v = values[i];
        if (v !== undefined) q.append(p.name, typeof v === 'string' ? v.slice(0, 2000) : toJson(v).slice(0, 2000));
      });
      const text = q.toString();
      return text ? `?${text}` : '';
    });
}

function pathFor(template: string, ids: string[]): fc.Arbitrary<string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (!names.length) return fc.constant(template);
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        'not-a-uuid',
        '00000000-0000-4000-8000-000000000000',
        '%00',
        'x'.repeat(300),
        '..%2F..',
        '-1',
        'email',
        'reminders',
      ),
      weight: 2,
    },
  );
  return fc
    .tuple(...names.map(() => value))
    .map((values) =>
      names.reduce(
        (path, name, i) => path.replace(`{${name}}`, encodeURIComponent(String(values[i])).replace(/%2525/g, '%25')),
        template,
      ),
    );
}

interface Violation {
  op: string;
  role: string;
  path: string;
  body: string;
  status: number;
  answer: string;
}

function isContractError(body: unknown, status: number): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return (
    b['statusCode'] === status &&
    typeof b['code'] === 'string' &&
    typeof b['message'] === 'string' &&
    typeof b['details'] === 'object'
  );
}

describe('OpenAPI fuzz: no input from any caller gives a 500', () => {
  let t: TestApp;
  let dbUrl: string;
  const tokens: Record<string, string | undefined> = {};
  const ids: string[] = [];
  const credentials: Record<string, { email: string; password: string }> = {};

  beforeAll(async () => {
    const url = new URL(String(process.env['DATABASE_URL']));
    url.pathname = `${url.pathname}_fuzz`;
    dbUrl = url.toString();
    await prepareDatabase(dbUrl);
    t = await startTestApp({ DATABASE_URL: dbUrl, QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-fuzz` });
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
