import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@stint/contracts';

/** The API's error body from a failed call, or a sentence for network trouble. */
export function describeError(error: unknown): { message: string; body: ApiErrorBody | null } {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && typeof body.message === 'string' && typeof body.code === 'string') {
      return { message: body.message, body: body as ApiErrorBody };
    }
    if (error.status === 0) return { message: 'Cannot reach Stint. Check your connection and try again.', body: null };
    return { message: `The server answered ${error.status}. Try again in a moment.`, body: null };
  }
  return { message: 'Something went wrong. Try again.', body: null };
}
