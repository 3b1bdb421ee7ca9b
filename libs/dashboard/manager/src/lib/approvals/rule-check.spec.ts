import type { AvailabilityDay, Placement, RotationRequest, Team } from '@stint/contracts';
import { checkRules, collapseRuns, findOverlaps, summariseAvailability } from './rule-check';

const request = (over: Partial<RotationRequest> = {}): RotationRequest => ({
  id: 'r1',
  pmId: 'pm1',
  teamId: 't1',
  startDate: '2027-01-04',
  endDate: '2027-01-17',
  durationWeeks: 2,
  goals: ['Closing'],
  motivation: '',
  status: 'pending_host',
  approvals: [],
  placementId: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

const placement = (over: Partial<Placement> = {}): Placement => ({
  id: 'p1',
  requestId: 'other',
  pmId: 'pm1',
  teamId: 't2',
  startDate: '2027-01-10',
  endDate: '2027-01-23',
  durationWeeks: 2,
  status: 'scheduled',
  cancelledReason: null,
  checkIns: [],
  ...over,
});

const day = (date: string, booked: number, capacity = 2, blackout = false): AvailabilityDay => ({
  date,
  booked,
  capacity,
  blackout,
});
const team: Team = {
  id: 't1',
  name: 'EMEA Enterprise',
  region: 'EMEA',
  segment: 'Enterprise',
  managerId: 'm1',
  capacity: 2,
  timezone: 'Europe/Berlin',
  holidayCountry: 'DE',
  active: true,
};

describe('rule check before deciding', () => {
  it('folds dates into runs of consecutive days', () => {
    expect(collapseRuns(['2027-01-06', '2027-01-04', '2027-01-05', '2027-01-09'])).toEqual([
      { start: '2027-01-04', end: '2027-01-06' },
      { start: '2027-01-09', end: '2027-01-09' },
    ]);
    expect(collapseRuns([])).toEqual([]);
  });

  it('counts a day as full when one more placement would exceed capacity', () => {
    const summary = summariseAvailability([day('2027-01-04', 1), day('2027-01-05', 2), day('2027-01-06', 0, 2, true)]);
    expect(summary).toEqual({ capacity: 2, peakBooked: 2, fullDays: ['2027-01-05'], blackoutDays: ['2027-01-06'] });
  });

  it("finds the PM's overlapping placements and pending requests, not their own booking or cancelled ones", () => {
    const r = request({ placementId: 'own' });
    const overlaps = findOverlaps(
      r,
      [
        request({ id: 'r2', startDate: '2027-01-15', endDate: '2027-01-28', status: 'pending_manager' }),
        request({ id: 'r3', startDate: '2027-01-15', endDate: '2027-01-28', status: 'rejected' }),
        request({ id: 'r4', pmId: 'someone-else', status: 'pending_host' }),
        r,
      ],
      [
        placement(),
        placement({ id: 'own', requestId: 'r1' }),
        placement({ id: 'p3', status: 'cancelled' }),
        placement({ id: 'p4', startDate: '2027-01-18', endDate: '2027-01-31' }),
      ],
    );
    expect(overlaps.map((o) => `${o.kind}:${o.id}`)).toEqual(['placement:p1', 'request:r2']);
  });

  it('passes every rule on free dates', () => {
    const results = checkRules({
      request: request(),
      days: [day('2027-01-04', 1), day('2027-01-05', 0)],
      overlaps: [],
      today: '2026-11-27',
      policy: {
        minWeeks: 1,
        maxWeeks: 12,
        checkinTime: '10:00',
        reminderLeadHours: 24,
        overdueAfterHours: 48,
        followUpDays: 30,
      },
      team,
      teamName: () => 'EMEA Enterprise',
    });
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ['capacity', true],
      ['blackout', true],
      ['overlap', true],
      ['start', true],
      ['duration', true],
      ['team', true],
    ]);
    expect(results[0]?.detail).toBe('At most 1 of 2 places are booked on any day of these dates.');
  });

  it('explains each broken rule in words', () => {
    const results = checkRules({
      request: request({ durationWeeks: 14, startDate: '2026-11-02' }),
      days: [day('2027-01-04', 2), day('2027-01-05', 2), day('2027-01-06', 0, 2, true)],
      overlaps: findOverlaps(request(), [], [placement()]),
      today: '2026-11-27',
      policy: {
        minWeeks: 1,
        maxWeeks: 12,
        checkinTime: '10:00',
        reminderLeadHours: 24,
        overdueAfterHours: 48,
        followUpDays: 30,
      },
      team: { ...team, active: false },
      teamName: () => 'NA SMB',
    });
    expect(results.every((r) => !r.ok)).toBe(true);
    const byKey = Object.fromEntries(results.map((r) => [r.key, r]));
    expect(byKey['capacity']?.title).toBe('The team is full on 2 days');
    expect(byKey['capacity']?.detail).toContain('4 Jan – 5 Jan 2027');
    expect(byKey['blackout']?.detail).toBe('Blacked out: 6 Jan 2027.');
    expect(byKey['overlap']?.detail).toBe('placement in NA SMB, 10 Jan – 23 Jan 2027');
    expect(byKey['duration']?.detail).toBe('14 weeks; the policy allows 1–12.');
    expect(byKey['team']?.title).toBe('Team is inactive');
  });
});
