import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '@stint/contracts';

export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ enum: ERROR_CODES, example: 'BLACKOUT' }) code!: ErrorCode;
  @ApiProperty({ example: 'A day of the range is in a blackout; pick other dates.' }) message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) details!: Record<string, unknown>;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED: malformed body or query; details.fields names each bad field',
  401: 'UNAUTHORIZED: no, bad or expired token; or wrong credentials',
  403: 'FORBIDDEN: signed in but not allowed',
  404: 'NOT_FOUND: no such thing, or not visible to the caller',
  409: 'PM_OVERLAP | CAPACITY_FULL | INVALID_STATE | CONFLICT',
  413: 'VALIDATION_FAILED: the body is larger than the route takes',
  415: 'VALIDATION_FAILED: the body is not of a type the route takes (Content-Type)',
  422: 'BLACKOUT | DURATION_OUT_OF_POLICY | START_IN_PAST | TEAM_INACTIVE',
  429: 'RATE_LIMITED: too many attempts',
  503: 'UNAVAILABLE: a dependency is down',
};

/** Documents the error responses a route can give, all in the contract's shape. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ApiErrorDto }),
    ),
  );
}
