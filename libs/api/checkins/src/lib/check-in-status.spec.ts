import { checkInStatus, dueJobs, reflectionOpensOn } from './check-in-status';

const at = (iso: string) => new Date(iso);
const policy = { reminderLeadHours: 24, overdueAfterHours: 48 };

describe('checkInStatus', () => {
  const scheduledAt = at('2027-01-11T09:00:00Z');

  it('is upcoming until 48 h after its time, then overdue', () => {
    expect(checkInStatus({ scheduledAt, completedAt: null, cancelledAt: null }, at('2027-01-10T00:00:00Z'), 48)).toBe(
      'upcoming',
    );
    expect(checkInStatus({ scheduledAt, completedAt: null, cancelledAt: null }, at('2027-01-13T09:00:00Z'), 48)).toBe(
      'upcoming',
    );
    expect(checkInStatus({ scheduledAt, completedAt: null, cancelledAt: null }, at('2027-01-13T09:00:01Z'), 48)).toBe(
      'overdue',
    );
  });

  it('is completed once a reflection is filed, even late, and cancelled with its placement', () => {
    expect(
      checkInStatus(
        { scheduledAt, completedAt: at('2027-01-20T00:00:00Z'), cancelledAt: null },
        at('2027-02-01T00:00:00Z'),
        48,
      ),
    ).toBe('completed');
    expect(
      checkInStatus(
        { scheduledAt, completedAt: null, cancelledAt: at('2027-01-01T00:00:00Z') },
        at('2027-02-01T00:00:00Z'),
        48,
      ),
    ).toBe('cancelled');
  });
});

describe('reflectionOpensOn', () => {
  it("is closed before the check-in's day and open from that day on, whatever the hour", () => {
    expect(reflectionOpensOn('2027-01-11', 'UTC', at('2026-09-01T12:00:00Z'))).toBe('2027-01-11');
    expect(reflectionOpensOn('2027-01-11', 'UTC', at('2027-01-10T23:59:59Z'))).toBe('2027-01-11');
    expect(reflectionOpensOn('2027-01-11', 'UTC', at('2027-01-11T00:00:00Z'))).toBeNull();
    expect(reflectionOpensOn('2027-01-11', 'UTC', at('2027-02-01T00:00:00Z'))).toBeNull();
  });

  it("counts the day in the PM's time zone", () => {
    // 23:00 UTC on the 10th is already the 11th in Berlin, but still the 10th in New York.
    expect(reflectionOpensOn('2027-01-11', 'Europe/Berlin', at('2027-01-10T23:00:00Z'))).toBeNull();
    expect(reflectionOpensOn('2027-01-11', 'America/New_York', at('2027-01-11T04:59:00Z'))).toBe('2027-01-11');
    expect(reflectionOpensOn('2027-01-11', 'America/New_York', at('2027-01-11T05:00:00Z'))).toBeNull();
  });
});

describe('dueJobs', () => {
  it('reminds 24 h ahead and escalates 48 h after', () => {
    expect(dueJobs(at('2027-01-11T09:00:00Z'), at('2027-01-01T00:00:00Z'), policy)).toEqual({
      reminderAt: at('2027-01-10T09:00:00Z'),
      overdueAt: at('2027-01-13T09:00:00Z'),
    });
  });

  it('reminds at once when the lead moment has passed but the check-in is still ahead', () => {
    expect(dueJobs(at('2027-01-11T09:00:00Z'), at('2027-01-11T08:00:00Z'), policy).reminderAt).toEqual(
      at('2027-01-11T08:00:00Z'),
    );
  });

  it('sends no reminder for a check-in already past', () => {
    expect(dueJobs(at('2027-01-11T09:00:00Z'), at('2027-01-11T10:00:00Z'), policy).reminderAt).toBeNull();
  });
});
