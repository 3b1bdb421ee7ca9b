import fc from 'fast-check';

/*
 * Hostile and plausible inputs generated from the OpenAPI document, for
 * openapi-fuzz.integration-spec.ts: wrong types, nulls, deep nesting, huge
 * strings, control characters, boundary dates and numbers, unknown fields,
 * lists for objects and back, bad ids.
 */

export interface Schema {
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
export interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
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

export function toJson(value: unknown): string {
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

export function bodyFor(schema: Schema | undefined, doc: OpenApi, ids: string[]): fc.Arbitrary<unknown> {
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

export function queryFor(op: Operation, doc: OpenApi, ids: string[]): fc.Arbitrary<string> {
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

export function pathFor(template: string, ids: string[]): fc.Arbitrary<string> {
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

export function isContractError(body: unknown, status: number): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return (
    b['statusCode'] === status &&
    typeof b['code'] === 'string' &&
    typeof b['message'] === 'string' &&
    typeof b['details'] === 'object'
  );
}
