import type { RotationRequest } from '@stint/contracts';
import { changedFields, restartsApproval } from './edit-request-dialog';

const original: RotationRequest = {
  id: 'r1',
  pmId: 'pm',
  teamId: 'team-a',
  startDate: '2027-01-04',
  endDate: '2027-01-31',
  durationWeeks: 4,
  goals: ['negotiation'],
  motivation: 'Learn.',
  status: 'pending_host',
  approvals: [],
  placementId: null,
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '',
  updatedAt: '',
};

const same = {
  teamId: 'team-a',
  startDate: '2027-01-04',
  durationWeeks: 4,
  goals: ['negotiation'],
  motivation: 'Learn.',
};

describe('editing a pending request', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedFields(original, same)).toEqual({});
  });

  it('sends goals and motivation alone without restarting approval', () => {
    const body = changedFields(original, { ...same, goals: ['negotiation', 'closing'], motivation: ' More. ' });
    expect(body).toEqual({ goals: ['negotiation', 'closing'], motivation: 'More.' });
    expect(restartsApproval(body)).toBe(false);
  });

  it.each([
    ['team', { teamId: 'team-b' }],
    ['start', { startDate: '2027-02-01' }],
    ['duration', { durationWeeks: 2 }],
  ])('knows a new %s restarts approval', (_what, change) => {
    const body = changedFields(original, { ...same, ...change });
    expect(body).toEqual(change);
    expect(restartsApproval(body)).toBe(true);
  });
});
