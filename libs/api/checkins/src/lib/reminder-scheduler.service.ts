import { Injectable } from '@nestjs/common';
import { Clock } from '@stint/api-core';
import { DueJob, JobName, jobIds, QueueName, QueueService } from '@stint/api-jobs';
import type { Policy } from '@stint/scheduling';
import { dueJobs } from './check-in-status';

const HOUR = 3_600_000;
export const NUDGE_HOURS = [24, 48, 72] as const;
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

/** The approval nudges (24 h, 48 h) and the escalation (72 h) a pending request implies. */
export function nudgeJobs(
  request: { id: string; status: 'pending_manager' | 'pending_host'; pendingSince: Date },
  steps: readonly number[] = NUDGE_HOURS,
): DueJob[] {
  return steps.map((hours) => ({
    name: JobName.ApprovalNudge,
    payload: {
      requestId: request.id,
      status: request.status,
      pendingSince: request.pendingSince.toISOString(),
      hours: hours as 24 | 48 | 72,
    },
    jobId: jobIds.approvalNudge(request.id, request.status, request.pendingSince, hours),
    dueAt: new Date(request.pendingSince.getTime() + hours * HOUR),
  }));
}

/**
 * Mirrors into Redis, on the request path, the delayed jobs a change implies.
 * Every add is idempotent (deterministic ids). Whatever fails here (Redis
 * away) the reconciler adds later from PostgreSQL.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async scheduleCheckIn(checkIn: { id: string; scheduledAt: Date }, policy: ReminderPolicy): Promise<void> {
    const now = this.clock.now();
    for (const job of checkInJobs(checkIn, policy, now))
      await this.queues.addAt(job.name, job.payload as never, job.jobId, job.dueAt, now);
  }

  /** Removes the jobs made for a check-in's old instant (a reschedule replaces, never adds). */
  async unscheduleCheckIn(checkInId: string, scheduledAt: Date, policy: ReminderPolicy): Promise<void> {
    for (const job of checkInJobs({ id: checkInId, scheduledAt }, policy, new Date(0)))
      await this.queues.remove(QueueName.Reminders, job.jobId);
  }

  async scheduleApprovalNudges(request: {
    id: string;
    status: 'pending_manager' | 'pending_host';
    pendingSince: Date;
  }): Promise<void> {
    const now = this.clock.now();
    for (const job of nudgeJobs(request))
      await this.queues.addAt(job.name, job.payload as never, job.jobId, job.dueAt, now);
  }
}
