import type { Clock } from '@stint/api-core';
import { type DueJob, JobName, type QueueService } from '@stint/api-jobs';
import {
  checkInJobs,
  horizonEnd,
  nearJobs,
  REMINDER_HORIZON_HOURS,
  ReminderScheduler,
} from './reminder-scheduler.service';

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

describe('the 48-hour horizon', () => {
  const HOUR = 3_600_000;
  const now = new Date('2027-01-01T00:00:00.000Z');
  const policy = { reminderLeadHours: 24, overdueAfterHours: 48 };
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

  it('keeps the jobs due up to 48 hours from now, past ones included, and leaves the later ones for the reconciler', () => {
    const jobs = [-5, 0, 47, 48, 48.001, 500].map((h) => ({ jobId: `j${h}`, dueAt: at(h) }));
    expect(horizonEnd(now)).toEqual(at(REMINDER_HORIZON_HOURS));
    expect(nearJobs(jobs, now).map((j) => j.jobId)).toEqual(['j-5', 'j0', 'j47', 'j48']);
  });

  it('a new cadence sends Redis only the jobs within reach, in one call; one wholly beyond it sends nothing', async () => {
    const added: string[][] = [];
    const queues = { addAllAt: jest.fn(async (jobs: DueJob[]) => void added.push(jobs.map((j) => j.name))) };
    const scheduler = new ReminderScheduler(queues as unknown as QueueService, { now: () => now } as Clock);
    // A check-in 60 hours ahead: its reminder (36 hours ahead) is within reach, its escalation (108) is not.
    await scheduler.scheduleCheckIns(
      [
        { id: 'near', scheduledAt: at(60) },
        { id: 'far', scheduledAt: at(24 * 21) },
      ],
      policy,
    );
    expect(added).toEqual([[JobName.CheckInReminder]]);
    expect(queues.addAllAt.mock.calls[0]?.[0].map((j: DueJob) => j.jobId)).toEqual([
      `checkin-reminder-near-${at(60).getTime()}-${at(36).getTime()}`,
    ]);
    await scheduler.scheduleCheckIns([{ id: 'far', scheduledAt: at(24 * 21) }], policy);
    expect(added.at(-1)).toEqual([]);
  });

  it('a moved check-in’s new jobs go to Redis only as far as they are within reach', async () => {
    const queues = { addAt: jest.fn(async (_name: JobName, _payload: unknown, _jobId: string) => undefined) };
    const scheduler = new ReminderScheduler(queues as unknown as QueueService, { now: () => now } as Clock);
    await scheduler.scheduleCheckIn({ id: 'moved', scheduledAt: at(60) }, policy);
    expect(queues.addAt.mock.calls.map(([name]) => name)).toEqual([JobName.CheckInReminder]);
    await scheduler.scheduleCheckIn({ id: 'later', scheduledAt: at(24 * 14) }, policy);
    expect(queues.addAt).toHaveBeenCalledTimes(1);
    // Begun 10 hours ago: no reminder any more, and its escalation (38 hours ahead) is within reach.
    await scheduler.scheduleCheckIn({ id: 'begun', scheduledAt: at(-10) }, policy);
    expect(queues.addAt.mock.calls.map(([name, , id]) => [name, id.split('-')[2]])).toEqual([
      [JobName.CheckInReminder, 'moved'],
      [JobName.CheckInOverdue, 'begun'],
    ]);
  });

  it('removing a moved check-in’s old jobs costs a round trip only for the near ones', async () => {
    const queues = { remove: jest.fn(async (_queue: string, _jobId: string) => undefined) };
    const scheduler = new ReminderScheduler(queues as unknown as QueueService, { now: () => now } as Clock);
    await scheduler.unscheduleCheckIn('c', at(30), policy);
    expect(queues.remove.mock.calls.map(([, id]) => String(id).split('-')[1])).toEqual(['reminder']);
    await scheduler.unscheduleCheckIn('c', at(-10), policy);
    expect(queues.remove).toHaveBeenCalledTimes(3);
  });
});
