import { ApiError, AuthenticatedUser } from '@stint/api-core';
import { assertCanPropose, assertOpenProposal } from './proposal-steps';

const user = (id: string, role: AuthenticatedUser['role'] = 'manager') => ({ id, role }) as AuthenticatedUser;
const parties = { pmId: 'pm', lineManagerId: 'line', hostManagerId: 'host' };
const waiting = { status: 'pending_host' as const, startDate: '2027-01-04' };

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof ApiError ? `${error.getStatus()} ${error.code}` : 'other';
  }
}

describe('assertCanPropose', () => {
  it('lets the host and an admin propose while the request waits for the host', () => {
    expect(code(() => assertCanPropose(user('host'), waiting, parties, '2027-01-18'))).toBeNull();
    expect(code(() => assertCanPropose(user('a', 'admin'), waiting, parties, '2027-01-18'))).toBeNull();
  });

  it('refuses anyone else (403), another status (409) and the same start (400)', () => {
    expect(code(() => assertCanPropose(user('line'), waiting, parties, '2027-01-18'))).toBe('403 FORBIDDEN');
    expect(code(() => assertCanPropose(user('pm', 'pm'), waiting, parties, '2027-01-18'))).toBe('403 FORBIDDEN');
    const early = { ...waiting, status: 'pending_manager' as const };
    expect(code(() => assertCanPropose(user('host'), early, parties, '2027-01-18'))).toBe('409 INVALID_STATE');
    expect(code(() => assertCanPropose(user('host'), waiting, parties, '2027-01-04'))).toBe('400 VALIDATION_FAILED');
  });
});

describe('assertOpenProposal', () => {
  const open = { pmId: 'pm', status: 'pending_host' as const, proposedStartDate: '2027-01-18' };

  it('lets the PM answer an open proposal', () => {
    expect(code(() => assertOpenProposal(user('pm', 'pm'), open, 'accept'))).toBeNull();
  });

  it('refuses others (403), and an answered proposal or a request that moved on (409)', () => {
    expect(code(() => assertOpenProposal(user('host'), open, 'accept'))).toBe('403 FORBIDDEN');
    expect(code(() => assertOpenProposal(user('pm', 'pm'), { ...open, proposedStartDate: null }, 'accept'))).toBe(
      '409 INVALID_STATE',
    );
    expect(code(() => assertOpenProposal(user('pm', 'pm'), { ...open, status: 'booked' }, 'decline'))).toBe(
      '409 INVALID_STATE',
    );
  });
});
