import { proposalView } from './proposal';

describe('proposalView', () => {
  const names = new Map([['host-1', 'Sam Host']]);
  const open = {
    status: 'pending_host',
    durationWeeks: 2,
    proposedStartDate: '2027-02-01',
    proposedBy: 'host-1',
    proposedAt: new Date('2026-12-01T10:00:00Z'),
  };

  it('answers the open proposal with its end from the request’s duration and the proposer’s name', () => {
    expect(proposalView(open, names)).toEqual({
      startDate: '2027-02-01',
      endDate: '2027-02-14',
      proposedBy: 'host-1',
      proposedByName: 'Sam Host',
      proposedAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('is null when none is open, and once the request no longer waits for its host', () => {
    expect(proposalView({ ...open, proposedStartDate: null, proposedAt: null }, names)).toBeNull();
    expect(proposalView({ ...open, status: 'booked' }, names)).toBeNull();
  });

  it('keeps the proposal when its proposer is gone, without a name', () => {
    expect(proposalView({ ...open, proposedBy: null }, names)).toMatchObject({ proposedBy: null, proposedByName: '' });
  });
});
