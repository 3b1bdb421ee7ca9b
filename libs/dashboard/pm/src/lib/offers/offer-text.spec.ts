import type { ApiErrorBody } from '@stint/contracts';
import { offerError, waitlistLine } from './offer-text';

const conflict = (details: Record<string, unknown>): ApiErrorBody => ({
  statusCode: 409,
  code: 'INVALID_STATE',
  message: 'This offer lapsed at 2099-01-05T13:30:00.000Z; the place has gone to the next in line.',
  details,
});

describe('waitlistLine', () => {
  it('gives the place in line', () => {
    expect(waitlistLine({ waitlistPosition: 3 })).toBe('Waitlist: number 3 in line');
    expect(waitlistLine({ waitlistPosition: null })).toBe('On the waitlist');
  });
});

describe('offerError', () => {
  it("tells a lapsed offer with its time in the PM's zone, never the API's ISO instant", () => {
    const text = offerError(
      'from the API',
      conflict({ status: 'lapsed', offerExpiresAt: '2099-01-05T13:30:00.000Z' }),
      'Europe/Berlin',
    );
    expect(text).toBe(
      'The offer lapsed at Mon 5 Jan 2099, 14:30 CET, so the place has gone to the next in line. Plan a rotation to find another slot.',
    );
  });

  it("keeps the API's sentence for anything else", () => {
    expect(
      offerError('This request is withdrawn; there is no offer to accept.', conflict({ status: 'withdrawn' }), 'UTC'),
    ).toBe('This request is withdrawn; there is no offer to accept.');
    expect(offerError('Cannot reach Stint.', null, 'UTC')).toBe('Cannot reach Stint.');
  });
});
