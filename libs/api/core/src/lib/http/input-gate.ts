import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';

/**
 * The input gate: what every request body, query and path parameter must
 * satisfy before any handler (or class-transformer's recursion) sees it.
 * Pure functions here; the JSON parser and the validation pipe apply them.
 */

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_BODY_DEPTH = 32;
/** Largest request body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Largest CSV file (`text/csv`), in bytes: enough for the bulk imports'
 * 10,000 rows. Only routes whose Fastify route config sets CSV_BODY_ROUTE
 * take CSV; everywhere else `text/csv` is a 415 before a byte is read.
 */
export const MAX_CSV_BODY_BYTES = 5 * 1024 * 1024;
export const CSV_BODY_ROUTE = 'stintCsvBody';

/** What a Content-Type header says about a CSV body: not CSV, CSV in UTF-8 (or unstated), or CSV in another charset. */
export function csvContentType(header: string | undefined): 'none' | 'utf-8' | 'other-charset' {
  const [type, ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'text/csv') return 'none';
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8' ? 'utf-8' : 'other-charset';
}

/** Fields whose text may span lines (newlines and tabs allowed); every other text field is one line. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'motivation',
  'notes',
  'comment',
  'reason',
  'text',
  'description',
]);

/** C0 control characters and DEL, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * The nesting depth of a JSON text, read without parsing or recursion (so
 * a 100,000-level body costs a linear scan, not a stack overflow). Brackets
 * inside strings do not count.
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/**
 * The first text in `value` with a character it may not hold, as
 * `[path, message]`, or null. NUL and other control characters are refused
 * everywhere; line breaks only outside the multi-line fields. Object keys are
 * checked too.
 */
export function findBadText(value: unknown, path = ''): [string, string] | null {
  const stack: Array<[unknown, string, boolean]> = [[value, path, false]];
  while (stack.length) {
    const [v, p, multiline] = stack.pop() as [unknown, string, boolean];
    const name = p || 'value';
    if (typeof v === 'string') {
      if (CONTROL.test(v)) return [name, `${name} contains a control character (such as NUL); remove it`];
      if (!multiline && LINE_BREAK.test(v))
        return [name, `${name} must be a single line; remove the line breaks and tabs`];
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${p}[${i}]`, multiline]));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (CONTROL.test(key) || LINE_BREAK.test(key))
          return [name, `${name} has a field name with a control character; remove it`];
        stack.push([item, p ? `${p}.${key}` : key, MULTILINE_FIELDS.has(key)]);
      }
    }
  }
  return null;
}

/** Dates Stint accepts anywhere: 2000-01-01 … 2100-12-31. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

export function isDateInRange(isoDate: string): boolean {
  return isoDate >= EARLIEST_DATE && isoDate <= LATEST_DATE;
}

/**
 * Time zones Stint accepts: those both the runtime (Intl) and PostgreSQL
 * know. Filled once at start from `pg_timezone_names`; until then only the
 * runtime's check applies.
 */
let knownTimeZones: ReadonlySet<string> | null = null;

export function setKnownTimeZones(names: Iterable<string>): void {
  knownTimeZones = new Set(names);
}

export function isKnownTimeZone(name: string): boolean {
  return knownTimeZones === null || knownTimeZones.has(name);
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (431 header
 * overflow, bad header bytes, timeouts), answered in the contract's shape
 * instead of Fastify's own.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'The request headers are too large; send fewer or shorter headers (cookies included).',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive; send it again.']
        : [
            400,
            'Bad Request',
            'The request is not valid HTTP (for example a header with characters HTTP does not allow); fix it and send it again.',
          ];
  const body = JSON.stringify({
    statusCode: status,
    code: status === 408 ? 'UNAVAILABLE' : 'VALIDATION_FAILED',
    message,
    details: {},
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Errors Fastify's router raises before any route runs (a path segment over
 * the length limit, a URL it cannot decode), in the contract's shape.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400);
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the URL is too long; ids are 36 characters. Check the address.'
      : 'The URL could not be read (bad percent-encoding?); check the address.';
  void reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ statusCode: status, code: 'VALIDATION_FAILED', message, details: {} });
}
