/** The words of the PM's side of the waitlist: their place in line, and a refused accept in their terms. */
import type { ApiErrorBody, RotationRequest } from '@stint/contracts';
import { formatInstant } from '@stint/dashboard-ui';

/** "Waitlist: number 2 in line" (or just "On the waitlist" while the position is unknown). */
export function waitlistLine(request: Pick<RotationRequest, 'waitlistPosition'>): string {
  return request.waitlistPosition ? `Waitlist: number ${request.waitlistPosition} in line` : 'On the waitlist';
}

/**
 * Why accepting (or declining) an offer failed. A lapsed offer is told with its time in the PM's zone (the
 * API's sentence carries an ISO instant); anything else keeps the API's sentence.
 */
export function offerError(message: string, body: ApiErrorBody | null, timeZone: string): string {
  if (body?.details?.['status'] === 'lapsed') {
    const at = body.details['offerExpiresAt'];
    const when = typeof at === 'string' ? ` at ${formatInstant(at, timeZone)}` : '';
    return `The offer lapsed${when}, so the place has gone to the next in line. Plan a rotation to find another slot.`;
  }
  return message;
}
