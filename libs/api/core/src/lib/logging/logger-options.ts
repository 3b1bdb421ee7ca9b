import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

/** Fields whose value never reaches a log line, at any depth up to three levels (e.g. `user.passwordHash`, `req.headers.cookie`). */
const SECRET_KEYS = ['password', 'passwordHash', 'password_hash', 'authorization', 'cookie', 'token', 'accessToken'];

/** pino redaction paths: each secret key at the top level and one to three levels down, plus a failed query's parameters. */
export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  '*.headers["set-cookie"]',
  // A TypeORM QueryFailedError carries the statement's parameters and PostgreSQL's row `detail`.
  'err.parameters',
  'err.detail',
  'err.driverError',
  '*.err.parameters',
  '*.err.detail',
  '*.err.driverError',
];

/** A calendar feed's URL is its secret (GET /api/calendar/<token>.ics): request lines show the route, not the token. */
export function hideFeedToken(url: string): string {
  return url.replace(/^\/api\/calendar\/[^/?#]*/, '/api/calendar/[Redacted]');
}

/** JSON logs; each request line carries the request id (taken from X-Request-Id when given). */
export function loggerOptions(level: string): Params {
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
      },
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      serializers: {
        // What a request line needs, and nothing to redact: headers (the token, the cookie) never reach the line,
        // and pino's redaction walks four small fields instead of every header on every request.
        req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: typeof req.url === 'string' ? hideFeedToken(req.url) : req.url,
          remoteAddress: req.remoteAddress,
        }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' || req.url === '/api/metrics' },
      customProps: () => ({ service: 'stint-api' }),
    },
  };
}
