import { Injectable } from '@nestjs/common';
import { Clock } from '@stint/api-core';
import { DueJob, JobName, jobIds, QueueName, QueueService } from '@stint/api-jobs';
import type { Policy } from '@stint/scheduling';
import { dueJobs } from '../check-in-status';

const HOUR = 3_600_000;

/**
 * How far ahead a check-in's reminder and overdue jobs are kept in Redis. A job joins the queue once its moment
 * is this near: on the request path when a change lays it out that close, otherwise from the reconciler's tick
 * that sees it come within reach (every 10 minutes). Redis so holds days of jobs, not the programme's years, and
 * a booking weeks ahead sends Redis nothing for its cadence.
 */
export const REMINDER_HORIZON_HOURS = 48;

/** The last moment whose jobs belong in Redis now. */
export function horizonEnd(now: Date): Date {
  return new Date(now.getTime() + REMINDER_HORIZON_HOURS * HOUR);
}

/** The jobs due within the horizon: those Redis should hold now; the rest wait for a later reconciler tick. */
export function nearJobs<J extends { dueAt: Date }>(jobs: readonly J[], now: Date): J[] {
  const end = horizonEnd(now).getTime();
  return jobs.filter((j) => j.dueAt.getTime() <= end);
}

export type ReminderPolicy = Pick<Policy, 'reminderLeadHours' | 'overdueAfterHours'>;

/** The reminder and overdue jobs a check-in implies under a policy (the reminder only while the check-in is ahead). */
export function checkInJobs(
  checkIn: { id: string; scheduledAt: Date },
  policy: ReminderPolicy,
  now: Date,
  options: { reminder: boolean; overdue: boolean } = { reminder: true, overdue: true },
): DueJob[] {
  const due = dueJobs(checkIn.scheduledAt, now, policy);
  const payload = { checkInId: checkIn.id, scheduledAt: checkIn.scheduledAt.toISOString() };
  const jobs: DueJob[] = [];
  if (options.reminder && due.reminderAt) {
    // The id carries the nominal moment (lead hours before), so it stays the same however late it is added.
    const nominal = new Date(checkIn.scheduledAt.getTime() - policy.reminderLeadHours * HOUR);
    jobs.push({
      name: JobName.CheckInReminder,
      payload: { ...payload, dueAt: nominal.toISOString() },
      jobId: jobIds.checkInReminder(checkIn.id, checkIn.scheduledAt, nominal),
      dueAt: nominal,
    });
  }
  if (options.overdue) {
    jobs.push({
      name: JobName.CheckInOverdue,
      payload: { ...payload, dueAt: due.overdueAt.toISOString() },
      jobId: jobIds.checkInOverdue(checkIn.id, checkIn.scheduledAt, due.overdueAt),
      dueAt: due.overdueAt,
    });
  }
  return jobs;
}

/**
 * Mirrors into Redis, on the request path, the reminder and overdue jobs a
 * change to a check-in implies, as far as they fall within the horizon.
 * Every add is idempotent (deterministic ids). Whatever fails here (Redis
 * away), and whatever lies further ahead, the reconciler adds later from
 * PostgreSQL.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async scheduleCheckIn(checkIn: { id: string; scheduledAt: Date }, policy: ReminderPolicy): Promise<void> {
    const now = this.clock.now();
    for (const job of nearJobs(checkInJobs(checkIn, policy, now), now))
      await this.queues.addAt(job.name, job.payload as never, job.jobId, job.dueAt, now);
  }

  /**
   * The near jobs of a newly laid-out cadence, added in one round trip to
   * Redis (none when the placement starts beyond the horizon): a booking's
   * answer waits for them after commit.
   */
  async scheduleCheckIns(
    checkIns: ReadonlyArray<{ id: string; scheduledAt: Date }>,
    policy: ReminderPolicy,
  ): Promise<void> {
    const now = this.clock.now();
    await this.queues.addAllAt(
      nearJobs(
        checkIns.flatMap((c) => checkInJobs(c, policy, now)),
        now,
      ),
      now,
    );
  }

  /**
   * Removes the jobs made for a check-in's old instant (a reschedule replaces, never adds). Jobs beyond the
   * horizon were never added, so only the near ones cost a round trip.
   */
  async unscheduleCheckIn(checkInId: string, scheduledAt: Date, policy: ReminderPolicy): Promise<void> {
    for (const job of nearJobs(checkInJobs({ id: checkInId, scheduledAt }, policy, new Date(0)), this.clock.now()))
      await this.queues.remove(QueueName.Reminders, job.jobId);
  }
}
