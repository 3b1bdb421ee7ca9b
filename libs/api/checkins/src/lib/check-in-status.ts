import type { CheckInStatus } from '@stint/contracts';
import { todayIn } from '@stint/shared-dates';

const HOUR = 3_600_000;

/** Derived when read, so it is true even if no worker ran in between. */
export function checkInStatus(
  c: { scheduledAt: Date; completedAt: Date | null; cancelledAt: Date | null },
  now: Date,
  overdueAfterHours: number,
): CheckInStatus {
  if (c.completedAt) return 'completed';
  if (c.cancelledAt) return 'cancelled';
  return now.getTime() > c.scheduledAt.getTime() + overdueAfterHours * HOUR ? 'overdue' : 'upcoming';
}

/**
 * A reflection can be filed from the check-in's day on: its `dueDate` (a
 * calendar date) against today in the PM's time zone. Before then, the day it
 * opens; from then on, null.
 */
export function reflectionOpensOn(dueDate: string, pmTimeZone: string, now: Date): string | null {
  return todayIn(pmTimeZone, now) < dueDate ? dueDate : null;
}

export interface DueJobs {
  /** When to remind the PM and host: lead hours before, or at once if that has passed while the check-in is still ahead. */
  reminderAt: Date | null;
  /** When the check-in turns overdue and escalates to the line manager. */
  overdueAt: Date;
}

/** The delayed jobs a check-in implies; PostgreSQL says what should be scheduled, Redis mirrors it. */
export function dueJobs(
  scheduledAt: Date,
  now: Date,
  policy: { reminderLeadHours: number; overdueAfterHours: number },
): DueJobs {
  const reminder = new Date(scheduledAt.getTime() - policy.reminderLeadHours * HOUR);
  const ahead = scheduledAt.getTime() > now.getTime();
  return {
    reminderAt: ahead ? (reminder.getTime() > now.getTime() ? reminder : now) : null,
    overdueAt: new Date(scheduledAt.getTime() + policy.overdueAfterHours * HOUR),
  };
}
