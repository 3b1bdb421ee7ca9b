import { Injectable } from '@nestjs/common';
import { Clock } from '@stint/api-core';
import { JobName, jobIds, QueueName, QueueService } from '@stint/api-jobs';
import type { Policy } from '@stint/scheduling';
import { dueJobs } from './check-in-status';

const HOUR = 3_600_000;
export const NUDGE_HOURS = [24, 48, 72] as const;

/** Mirrors into Redis the delayed jobs PostgreSQL implies. Every add is idempotent (deterministic ids). */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async scheduleCheckIn(checkIn: { id: string; scheduledAt: Date }, policy: Pick<Policy, 'reminderLeadHours' | 'overdueAfterHours'>): Promise<void> {
    const now = this.clock.now();
    const due = dueJobs(checkIn.scheduledAt, now, policy);
    const payload = { checkInId: checkIn.id, scheduledAt: checkIn.scheduledAt.toISOString() };
    if (due.reminderAt) await this.queues.addAt(JobName.CheckInReminder, payload, jobIds.checkInReminder(checkIn.id, checkIn.scheduledAt), due.reminderAt, now);
    await this.queues.addAt(JobName.CheckInOverdue, payload, jobIds.checkInOverdue(checkIn.id, checkIn.scheduledAt), due.overdueAt, now);
  }

  /** Removes the jobs made for a check-in's old instant (a reschedule replaces, never adds). */
  async unscheduleCheckIn(checkInId: string, scheduledAt: Date): Promise<void> {
    await this.queues.remove(QueueName.Reminders, jobIds.checkInReminder(checkInId, scheduledAt));
    await this.queues.remove(QueueName.Reminders, jobIds.checkInOverdue(checkInId, scheduledAt));
  }

  async scheduleApprovalNudges(request: { id: string; status: 'pending_manager' | 'pending_host'; pendingSince: Date }): Promise<void> {
    const now = this.clock.now();
    for (const hours of NUDGE_HOURS) {
      const dueAt = new Date(request.pendingSince.getTime() + hours * HOUR);
      if (dueAt.getTime() < now.getTime() - HOUR) continue; // long past: the reconciler's concern, not a burst now
      await this.queues.addAt(
        JobName.ApprovalNudge,
        { requestId: request.id, status: request.status, pendingSince: request.pendingSince.toISOString(), hours },
        jobIds.approvalNudge(request.id, request.status, request.pendingSince, hours),
        dueAt,
        now,
      );
    }
  }
}
