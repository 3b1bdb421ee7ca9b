import type { Placement, RotationRequest } from '@stint/contracts';
import { busyRanges, canWithdraw, overlapping } from './rotations';

const request = (
  id: string,
  status: RotationRequest['status'],
  startDate: string,
  endDate: string,
): RotationRequest => ({
  id,
  pmId: 'pm',
  teamId: 'team',
  startDate,
  endDate,
  durationWeeks: 1,
  goals: [],
  motivation: '',
  status,
  approvals: [],
  placementId: null,
  waitlistIfFull: false,
  waitlistPosition: null,
  offerExpiresAt: null,
  createdAt: '',
  updatedAt: '',
});

const placement = (id: string, status: Placement['status'], startDate: string, endDate: string): Placement => ({
  id,
  requestId: 'r',
  pmId: 'pm',
  teamId: 'team',
  startDate,
  endDate,
  durationWeeks: 1,
  status,
  cancelledReason: null,
  checkIns: [],
});

describe('busy ranges and overlaps', () => {
  const ranges = busyRanges(
    [
      request('pending', 'pending_host', '2027-03-01', '2027-03-14'),
      request('booked', 'booked', '2027-01-04', '2027-01-31'),
      request('gone', 'withdrawn', '2027-02-01', '2027-02-07'),
      request('held', 'offered', '2027-04-05', '2027-04-18'),
      request('inLine', 'waitlisted', '2027-05-03', '2027-05-16'),
      request('late', 'lapsed', '2027-06-07', '2027-06-20'),
    ],
    [
      placement('p1', 'scheduled', '2027-01-04', '2027-01-31'),
      placement('p2', 'cancelled', '2027-02-08', '2027-02-14'),
    ],
  );

  it('counts pending requests, held offers and live placements, earliest first', () => {
    expect(ranges.map((r) => r.id)).toEqual(['p1', 'pending', 'held']);
  });

  it('finds what a planned stint would collide with', () => {
    expect(overlapping(ranges, '2027-01-25', '2027-02-07').map((r) => r.id)).toEqual(['p1']);
    expect(overlapping(ranges, '2027-02-01', '2027-02-28')).toEqual([]);
    expect(overlapping(ranges, '2027-03-14', '2027-03-20').map((r) => r.id)).toEqual(['pending']);
  });

  it('ignores the request being edited', () => {
    expect(overlapping(ranges, '2027-03-01', '2027-03-07', 'pending')).toEqual([]);
  });
});

describe('canWithdraw', () => {
  it('lets the PM withdraw a pending or waitlisted request, not an offer (declined instead) or a decided one', () => {
    const can = (status: RotationRequest['status']) => canWithdraw({ status });
    expect(['pending_manager', 'pending_host', 'waitlisted'].every((s) => can(s as RotationRequest['status']))).toBe(
      true,
    );
    expect(
      ['offered', 'booked', 'rejected', 'withdrawn', 'lapsed'].some((s) => can(s as RotationRequest['status'])),
    ).toBe(false);
  });
});
