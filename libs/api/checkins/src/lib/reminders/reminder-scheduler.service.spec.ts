import { JobName } from '@stint/api-jobs';
import { checkInJobs } from './reminder-scheduler.service';

describe('checkInJobs', () => {
  const scheduledAt = new Date('2027-01-11T10:00:00.000Z');
  const checkIn = { id: 'c1', scheduledAt };
  const policy = { reminderLeadHours: 24, overdueAfterHours: 48 };

  it('makes the reminder (lead hours before) and the overdue escalation, under ids that carry both instants', () => {
    const jobs = checkInJobs(checkIn, policy, new Date('2027-01-01T00:00:00.000Z'));
    const reminderAt = new Date('2027-01-10T10:00:00.000Z');
    const overdueAt = new Date('2027-01-13T10:00:00.000Z');
    expect(jobs).toEqual([
      {
        name: JobName.CheckInReminder,
        payload: { checkInId: 'c1', scheduledAt: scheduledAt.toISOString(), dueAt: reminderAt.toISOString() },
        jobId: `checkin-reminder-c1-${scheduledAt.getTime()}-${reminderAt.getTime()}`,
        dueAt: reminderAt,
      },
      {
        name: JobName.CheckInOverdue,
        payload: { checkInId: 'c1', scheduledAt: scheduledAt.toISOString(), dueAt: overdueAt.toISOString() },
        jobId: `checkin-overdue-c1-${scheduledAt.getTime()}-${overdueAt.getTime()}`,
        dueAt: overdueAt,
      },
    ]);
  });

  it('keeps the reminder at its nominal moment when added late, and drops it once the check-in has begun', () => {
    const late = checkInJobs(checkIn, policy, new Date('2027-01-11T09:00:00.000Z'));
    expect(late[0]?.dueAt.toISOString()).toBe('2027-01-10T10:00:00.000Z');
    const begun = checkInJobs(checkIn, policy, new Date('2027-01-11T10:00:00.000Z'));
    expect(begun.map((j) => j.name)).toEqual([JobName.CheckInOverdue]);
  });

  it('leaves out what the caller says is no longer owed', () => {
    const jobs = checkInJobs(checkIn, policy, new Date(0), { reminder: false, overdue: true });
    expect(jobs.map((j) => j.name)).toEqual([JobName.CheckInOverdue]);
  });
});
