/** Every queue, in one place. */
export enum QueueName {
  Maintenance = 'maintenance',
  Reminders = 'reminders',
  Email = 'email',
}

/** Every job name, in one place; each has exactly one handler in the worker. */
export enum JobName {
  Heartbeat = 'heartbeat',
  CheckInReminder = 'checkin-reminder',
  CheckInOverdue = 'checkin-overdue',
  ApprovalNudge = 'approval-nudge',
  SendEmail = 'send-email',
  DailyDigest = 'daily-digest',
  Reconcile = 'reconcile',
  OfferLapse = 'offer-lapse',
}

/** The payload type of each job name. Instants are ISO strings. */
export interface JobPayloads {
  [JobName.Heartbeat]: Record<string, never>;
  /**
   * `scheduledAt` is the check-in's instant the job was made for (a moved check-in makes it stale);
   * `dueAt` is when the job was meant to run under the policy of that moment (a policy change makes it stale).
   */
  [JobName.CheckInReminder]: { checkInId: string; scheduledAt: string; dueAt?: string };
  [JobName.CheckInOverdue]: { checkInId: string; scheduledAt: string; dueAt?: string };
  /** `hours` waited so far: 24 and 48 nudge the approver, 72 escalates to admins. */
  [JobName.ApprovalNudge]: {
    requestId: string;
    status: 'pending_manager' | 'pending_host';
    pendingSince: string;
    hours: 24 | 48 | 72;
  };
  [JobName.SendEmail]: { notificationId: string };
  [JobName.DailyDigest]: Record<string, never>;
  /**
   * `changes`: only what changed since this worker's last tick (the 10-minute scheduler); anything else (start, a
   * Redis loss, a policy change, the hourly scheduler, jobs queued before 0.12.0 with no scope): everything.
   */
  [JobName.Reconcile]: { scope?: 'full' | 'changes' };
  /** `offerVersion` names the offer the job was made for: a later offer of the same request makes it stale. */
  [JobName.OfferLapse]: { requestId: string; offerVersion: number };
}

/** Which queue carries each job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.Maintenance,
  [JobName.CheckInReminder]: QueueName.Reminders,
  [JobName.CheckInOverdue]: QueueName.Reminders,
  [JobName.ApprovalNudge]: QueueName.Reminders,
  [JobName.SendEmail]: QueueName.Email,
  [JobName.DailyDigest]: QueueName.Maintenance,
  [JobName.Reconcile]: QueueName.Maintenance,
  [JobName.OfferLapse]: QueueName.Reminders,
};

/**
 * Deterministic job ids. BullMQ ignores an add whose id still exists (even a
 * finished one), so every id carries what makes the job different from an
 * earlier one: the check-in's instant and the due instant (a moved check-in or
 * a policy change gives new ids), and an email's attempt number (each retry is
 * a new job). Adding the job PostgreSQL says is due goes through
 * QueueService.ensureJobs, which clears a finished job of the same id first.
 * BullMQ forbids ':' in custom ids, hence '-'.
 */
export const jobIds = {
  checkInReminder: (checkInId: string, scheduledAt: Date, dueAt: Date) =>
    `checkin-reminder-${checkInId}-${scheduledAt.getTime()}-${dueAt.getTime()}`,
  checkInOverdue: (checkInId: string, scheduledAt: Date, dueAt: Date) =>
    `checkin-overdue-${checkInId}-${scheduledAt.getTime()}-${dueAt.getTime()}`,
  approvalNudge: (requestId: string, status: string, pendingSince: Date, hours: number) =>
    `approval-nudge-${requestId}-${status}-${pendingSince.getTime()}-${hours}`,
  /** `attempt` counts the attempts made before this job's (0 for the first send). */
  sendEmail: (notificationId: string, attempt = 0) => `email-${notificationId}-${attempt}`,
  /** One per offer: a request offered again (after an offer went back to the line) gets a new id. */
  offerLapse: (requestId: string, offerVersion: number) => `offer-lapse-${requestId}-${offerVersion}`,
};
