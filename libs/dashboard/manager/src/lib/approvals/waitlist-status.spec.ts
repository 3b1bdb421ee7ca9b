import type { ApiErrorBody } from '@stint/contracts';
import { decisionError, waitlistError, waitlistStatus } from './waitlist-status';

const now = Date.parse('2099-01-04T10:00:00.000Z');
const none = { waitlistPosition: null, offerExpiresAt: null };
const body = (code: ApiErrorBody['code'], details: Record<string, unknown> = {}): ApiErrorBody => ({
  statusCode: 409,
  code,
  message: 'from the server',
  details,
});

describe('waitlistStatus', () => {
  it('gives the place in line of a waitlisted request', () => {
    expect(
      waitlistStatus({ status: 'waitlisted', waitlistPosition: 2, offerExpiresAt: null }, 'Lena', 'UTC', now),
    ).toBe('On the waitlist — number 2 in line. Lena is offered the next place that frees up for these dates.');
  });

  it('says until when a place is held, in the viewer’s zone, and how long is left', () => {
    const offered = { status: 'offered' as const, waitlistPosition: null, offerExpiresAt: '2099-01-05T13:30:00.000Z' };
    expect(waitlistStatus(offered, 'Lena', 'Europe/Berlin', now)).toBe(
      'A place is held for Lena until Mon 5 Jan 2099, 14:30 CET (1 day 3 hours left). It is booked when they accept.',
    );
  });

  it('says a lapsed offer went to the next in line, and nothing for other statuses', () => {
    expect(waitlistStatus({ status: 'lapsed', ...none }, 'Lena', 'UTC', now)).toContain('Offer lapsed: Lena');
    expect(waitlistStatus({ status: 'pending_host', ...none }, 'Lena', 'UTC', now)).toBeNull();
    expect(waitlistStatus({ status: 'booked', ...none }, 'Lena', 'UTC', now)).toBeNull();
  });
});

describe('decisionError', () => {
  it('turns a full team into words of its own, with the day and the waitlist', () => {
    const text = decisionError(
      'The team is full on 2099-01-07. The request stays pending: pick one of details.suggestions, or put it on the waitlist (POST /api/…).',
      body('CAPACITY_FULL', { date: '2099-01-07', suggestions: [] }),
      'Lena',
    );
    expect(text).toBe(
      'The team is full on Wed 7 Jan 2099, so approving cannot book this request. Add it to the waitlist and Lena is offered the next place that frees up, or ask them to move to one of the next free slots.',
    );
    expect(text).not.toMatch(/details|\d{4}-\d{2}-\d{2}|POST/);
  });

  it("keeps any other refusal's sentence, its dates in words", () => {
    expect(decisionError('Unavailable from 2099-01-05 to 2099-01-06.', body('BLACKOUT'), 'Lena')).toBe(
      'Unavailable from 5 Jan 2099 to 6 Jan 2099.',
    );
    expect(decisionError('Cannot reach Stint.', null, 'Lena')).toBe('Cannot reach Stint.');
  });
});

describe('waitlistError', () => {
  it('says to approve when there is room after all', () => {
    expect(waitlistError('… step "host" …', body('INVALID_STATE', { ok: true }))).toBe(
      'There is room in the team for these dates now, so there is no need to wait: approve the request instead.',
    );
    expect(waitlistError('This request is already on the waitlist, at position 2.', body('INVALID_STATE'))).toBe(
      'This request is already on the waitlist, at position 2.',
    );
  });
});
