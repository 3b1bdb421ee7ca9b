import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@stint/contracts';
import { QueryFailedError } from 'typeorm';
import { ApiError } from './api-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  406: 'VALIDATION_FAILED',
  409: 'CONFLICT',
  413: 'VALIDATION_FAILED',
  415: 'VALIDATION_FAILED',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Node/driver error codes that mean a dependency could not be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const driverError = (error as { driverError?: unknown }).driverError;
  return driverError === undefined ? undefined : errorCodeOf(driverError);
}

function isDependencyDown(error: unknown): 'database' | 'redis' | null {
  // Duck-typed on purpose: errors from Node's core can come from another realm, where instanceof Error fails.
  if (typeof error !== 'object' || error === null) return null;
  const { name, message } = error as { name?: unknown; message?: unknown };
  const code = errorCodeOf(error);
  const text = `${String(name)} ${String(message)}`;
  if (/MaxRetriesPerRequest|Connection is closed|Stream isn't writeable|enableOfflineQueue/i.test(text)) {
    return 'redis';
  }
  if (
    (code && UNREACHABLE.has(code)) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      text,
    )
  ) {
    return /redis/i.test(text) ? 'redis' : 'database';
  }
  return null;
}

function statusFromFrameworkError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/**
 * Turns anything thrown while handling a request into the contract's error
 * body. Only an error nobody anticipated becomes a 500, and its text is not
 * leaked to the client.
 */
export function toErrorBody(error: unknown): { body: ApiErrorBody; unexpected: boolean } {
  if (error instanceof ApiError) return { body: error.toBody(), unexpected: false };

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    const friendly =
      status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(message)
        ? `${message.replace(/^Cannot/, 'There is no endpoint')}; see /api/docs for the API.`
        : message;
    if (status === 400 && /JSON/i.test(message)) {
      const text = `The request body is not valid JSON (${message}); send a JSON object.`;
      return { body: { statusCode: 400, code, message: text, details: { fields: { body: text } } }, unexpected: false };
    }
    return { body: { statusCode: status, code, message: friendly, details: {} }, unexpected: status >= 500 };
  }

  const down = isDependencyDown(error);
  if (down) {
    return { body: ApiError.unavailable(down === 'redis' ? 'Redis' : 'The database').toBody(), unexpected: false };
  }

  if (error instanceof QueryFailedError) {
    const code = errorCodeOf(error);
    // Malformed values that slipped past validation (bad uuid, out-of-range date, ...).
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') {
      return {
        body: ApiError.validation({ input: 'has a value the database cannot read' }).toBody(),
        unexpected: false,
      };
    }
    if (code === '23505') {
      return { body: ApiError.conflict('That value is already taken.').toBody(), unexpected: false };
    }
  }

  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx status.
  const frameworkStatus = statusFromFrameworkError(error);
  if (frameworkStatus !== undefined && frameworkStatus < 500) {
    const message = error instanceof Error ? error.message : 'Bad request';
    const code = CODE_BY_STATUS[frameworkStatus] ?? 'VALIDATION_FAILED';
    const friendly = /JSON/i.test(message) ? `The request body is not valid JSON: ${message}` : message;
    return {
      body: {
        statusCode: frameworkStatus,
        code,
        message: friendly,
        details: code === 'VALIDATION_FAILED' ? { fields: { body: friendly } } : {},
      },
      unexpected: false,
    };
  }

  return {
    body: {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; it has been logged. Try again, and tell an admin if it persists.',
      details: {},
    },
    unexpected: true,
  };
}
