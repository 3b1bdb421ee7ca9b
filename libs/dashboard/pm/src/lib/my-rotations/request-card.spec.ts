import type { Approval, RotationRequest } from '@stint/contracts';
import { approvalLine, cancelledIds, requestState } from './request-card';

const release: Approval = {
  step: 'manager',
  decision: 'approved',
  byId: 'e58ef965-0000-4000-8000-000000000000',
  byName: 'Maria Keller',
  comment: '',
  at: '2027-01-04T10:00:00.000Z',
};

describe('approvalLine', () => {
  it('names who decided, in which role, with the date in words in the PM’s zone', () => {
    expect(approvalLine(release, 'UTC')).toBe('Released by Maria Keller (line manager), Mon 4 Jan 2027, 10:00 UTC');
    expect(approvalLine({ ...release, step: 'host', byName: 'Hugo Brandt' }, 'Europe/Berlin')).toBe(
      'Approved by Hugo Brandt (host manager), Mon 4 Jan 2027, 11:00 CET',
    );
    expect(approvalLine({ ...release, step: 'host', decision: 'rejected', byName: 'Hugo Brandt' }, 'UTC')).toBe(
      'Rejected by Hugo Brandt (host manager), Mon 4 Jan 2027, 10:00 UTC',
    );
  });

  it('never shows an id: without a name it says the role', () => {
    const line = approvalLine({ ...release, byName: '' }, 'UTC');
    expect(line).toBe('Released by your line manager, Mon 4 Jan 2027, 10:00 UTC');
    expect(line).not.toContain('e58ef965');
  });
});

describe('requestState', () => {
  const booked = { status: 'booked', placementId: 'p1' } as RotationRequest;

  it('says a booked request whose placement was cancelled is cancelled, not Booked', () => {
    const cancelled = cancelledIds([
      { id: 'p1', status: 'cancelled' },
      { id: 'p2', status: 'scheduled' },
    ]);
    expect(requestState(booked, cancelled)).toEqual({ status: 'cancelled', label: 'Booked, then cancelled' });
    expect(requestState({ ...booked, placementId: 'p2' }, cancelled)).toEqual({ status: 'booked', label: 'Booked' });
  });

  it('leaves every other request as the API says', () => {
    expect(requestState({ ...booked, status: 'pending_host', placementId: null }, new Set(['p1']))).toEqual({
      status: 'pending_host',
      label: 'Waiting for host team',
    });
  });
});
