import type { ApiError, AuthenticatedUser, Parties } from '@stint/api-core';
import type { RequestStatus } from '@stint/contracts';
import { assertOwnPending, decisionStep, WITHDRAWABLE_STATUSES, type ApprovalStep } from './request-steps';

const person = (id: string, role: AuthenticatedUser['role']): AuthenticatedUser => ({
  id,
  email: `${id}@test.stint`,
  role,
  managerId: null,
  timezone: 'UTC',
});
const lm = person('lm', 'manager');
const host = person('host', 'manager');
const both = person('both', 'manager');
const admin = person('admin', 'admin');
const parties: Parties = { pmId: 'pm', lineManagerId: 'lm', hostManagerId: 'host' };
const bothParties: Parties = { pmId: 'pm', lineManagerId: 'both', hostManagerId: 'both' };

/** The step decided, or the error's status and code. */
function outcome(
  caller: AuthenticatedUser,
  status: RequestStatus,
  p: Parties,
  requested?: ApprovalStep,
  approving = true,
): string {
  try {
    return decisionStep(caller, status, p, requested, approving);
  } catch (error) {
    const e = error as ApiError;
    return `${e.statusCode} ${e.code}`;
  }
}

describe('decisionStep', () => {
  it('gives each approver their step, with or without naming it', () => {
    expect(outcome(lm, 'pending_manager', parties)).toBe('manager');
    expect(outcome(lm, 'pending_manager', parties, 'manager')).toBe('manager');
    expect(outcome(host, 'pending_host', parties)).toBe('host');
    expect(outcome(admin, 'pending_manager', parties)).toBe('manager');
  });

  it('refuses who does not hold the current step (403), and a repeat of a step the caller holds (409)', () => {
    expect(outcome(host, 'pending_manager', parties)).toBe('403 FORBIDDEN');
    expect(outcome(lm, 'pending_host', parties, 'host')).toBe('403 FORBIDDEN');
    expect(outcome(lm, 'pending_host', parties)).toBe('409 INVALID_STATE');
    expect(outcome(lm, 'pending_host', parties, 'manager')).toBe('409 INVALID_STATE');
    expect(outcome(host, 'pending_manager', parties, 'host')).toBe('409 INVALID_STATE');
  });

  it('makes a holder of both keys name the host step to approve it; a rejection needs no step', () => {
    expect(outcome(both, 'pending_host', bothParties)).toBe('409 INVALID_STATE');
    expect(outcome(admin, 'pending_host', parties)).toBe('409 INVALID_STATE');
    expect(outcome(both, 'pending_host', bothParties, 'host')).toBe('host');
    expect(outcome(both, 'pending_host', bothParties, undefined, false)).toBe('host');
  });

  it('has nothing to decide once the request left the pending states', () => {
    for (const status of ['booked', 'rejected', 'withdrawn', 'offered', 'lapsed'] as const) {
      expect(outcome(admin, status, parties)).toBe('409 INVALID_STATE');
      expect(outcome(admin, status, parties, undefined, false)).toBe('409 INVALID_STATE');
    }
  });

  it('lets the host take a waitlisted request out of line, but never approve it (an offer books it)', () => {
    expect(outcome(host, 'waitlisted', parties, undefined, false)).toBe('host');
    expect(outcome(admin, 'waitlisted', parties, 'host', false)).toBe('host');
    expect(outcome(host, 'waitlisted', parties)).toBe('409 INVALID_STATE');
    expect(outcome(lm, 'waitlisted', parties, undefined, false)).toBe('403 FORBIDDEN');
  });
});

describe('assertOwnPending', () => {
  const verb = { action: 'edit', done: 'edited' };
  it("lets the PM act on their own pending request, and no one else's", () => {
    expect(() => assertOwnPending(person('pm', 'pm'), { pmId: 'pm', status: 'pending_host' }, verb)).not.toThrow();
    expect(() => assertOwnPending(admin, { pmId: 'pm', status: 'pending_host' }, verb)).toThrow(
      'Only the PM who asked for this rotation may edit it.',
    );
    expect(() => assertOwnPending(person('pm', 'pm'), { pmId: 'pm', status: 'booked' }, verb)).toThrow(
      'This request is booked; only pending requests can be edited.',
    );
    expect(() => assertOwnPending(person('pm', 'pm'), { pmId: 'pm', status: 'waitlisted' }, verb)).toThrow(
      'only pending requests can be edited',
    );
  });

  it('lets the PM withdraw from the waitlist and from an offer, not after it ended', () => {
    const withdraw = { action: 'withdraw', done: 'withdrawn' };
    for (const status of ['pending_manager', 'pending_host', 'waitlisted', 'offered'] as const)
      expect(() =>
        assertOwnPending(person('pm', 'pm'), { pmId: 'pm', status }, withdraw, WITHDRAWABLE_STATUSES),
      ).not.toThrow();
    expect(() =>
      assertOwnPending(person('pm', 'pm'), { pmId: 'pm', status: 'lapsed' }, withdraw, WITHDRAWABLE_STATUSES),
    ).toThrow('This request is lapsed; only pending, waitlisted or offered requests can be withdrawn.');
  });
});
