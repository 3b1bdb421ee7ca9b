/** Every error the API returns has this shape (api.md, "Errors"). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PM_OVERLAP',
  'CAPACITY_FULL',
  'INVALID_STATE',
  'CONFLICT',
  'BLACKOUT',
  'DURATION_OUT_OF_POLICY',
  'START_IN_PAST',
  'START_NOT_BUSINESS_DAY',
  'START_TOO_SOON',
  'TEAM_INACTIVE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}
