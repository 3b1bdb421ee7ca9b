import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@stint/contracts';

/** An error in the contract's shape; throw it anywhere and the filter sends it as is. */
export class ApiError extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super({ statusCode, code, message, details } satisfies ApiErrorBody, statusCode);
  }

  toBody(): ApiErrorBody {
    return { statusCode: this.statusCode, code: this.code, message: this.message, details: this.details };
  }

  static notFound(what: string, id?: string): ApiError {
    return new ApiError(404, 'NOT_FOUND', id ? `No ${what} with id ${id}.` : `No such ${what}.`);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(403, 'FORBIDDEN', message);
  }

  static unauthorized(message = 'Sign in first: send a valid "Authorization: Bearer <token>" header.'): ApiError {
    return new ApiError(401, 'UNAUTHORIZED', message);
  }

  static invalidState(message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(409, 'INVALID_STATE', message, details);
  }

  static conflict(message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(409, 'CONFLICT', message, details);
  }

  static validation(fields: Record<string, string>, message?: string): ApiError {
    const names = Object.keys(fields);
    return new ApiError(
      400,
      'VALIDATION_FAILED',
      message ?? `Fix the highlighted field${names.length === 1 ? '' : 's'}: ${names.join(', ')}.`,
      { fields },
    );
  }

  static unavailable(what: string): ApiError {
    return new ApiError(503, 'UNAVAILABLE', `${what} is unavailable right now; try again in a moment.`, {
      dependency: what.toLowerCase(),
    });
  }
}
