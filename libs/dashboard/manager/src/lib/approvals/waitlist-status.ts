/**
 * The words the approval page uses for the waitlist: where a request stands in
 * it, and what a failed decision means for the approver. Dates in words, never
 * the API's ISO strings or field names.
 */
import type { ApiErrorBody, RotationRequest } from '@stint/contracts';
import { formatDay, formatInstant, timeLeft } from '@stint/dashboard-ui';
import { isIsoDate } from '@stint/shared-dates';
import { readableDates } from './rule-check';

type WaitlistFields = Pick<RotationRequest, 'status' | 'waitlistPosition' | 'offerExpiresAt'>;

/** Where the request stands with the team's waitlist, in a sentence; null for any other status. */
export function waitlistStatus(request: WaitlistFields, pm: string, timeZone: string, now: number): string | null {
  switch (request.status) {
    case 'waitlisted': {
      const place = request.waitlistPosition ? ` — number ${request.waitlistPosition} in line` : '';
      return `On the waitlist${place}. ${pm} is offered the next place that frees up for these dates.`;
    }
    case 'offered': {
      const left = timeLeft(request.offerExpiresAt, now);
      const until = formatInstant(request.offerExpiresAt, timeZone);
      return `A place is held for ${pm} until ${until}${left ? ` (${left})` : ''}. It is booked when they accept.`;
    }
    case 'lapsed':
      return `Offer lapsed: ${pm} did not accept the place held for them in time, so it went to the next in line.`;
    default:
      return null;
  }
}

/**
 * A failed approval in the approver's terms. A full team gets our own sentence (the API's names its fields
 * and routes); any other refusal keeps the API's sentence with its dates in words.
 */
export function decisionError(message: string, body: ApiErrorBody | null, pm: string): string {
  if (body?.code === 'CAPACITY_FULL') {
    const date = body.details?.['date'];
    const on = typeof date === 'string' && isIsoDate(date) ? ` on ${formatDay(date)}` : ' on these dates';
    return (
      `The team is full${on}, so approving cannot book this request. Add it to the waitlist and ${pm} is ` +
      'offered the next place that frees up, or ask them to move to one of the next free slots.'
    );
  }
  return readableDates(message);
}

/** A refused "Add to waitlist", in the approver's terms. */
export function waitlistError(message: string, body: ApiErrorBody | null): string {
  if (body?.code === 'INVALID_STATE' && body.details?.['ok'] === true)
    return 'There is room in the team for these dates now, so there is no need to wait: approve the request instead.';
  return readableDates(message);
}
