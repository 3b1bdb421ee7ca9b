export const NOTIFICATION_KINDS = [
  'request_submitted',
  'request_pending_host',
  'request_rejected',
  'approval_reminder',
  'approval_escalated',
  'booked',
  'checkin_reminder',
  'checkin_overdue',
  'rescheduled',
  'cancelled',
  'digest',
  'waitlisted',
  'offer_made',
  'offer_lapsed',
  'offer_accepted',
  'proposal_made',
  'proposal_accepted',
  'proposal_declined',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  dedupeKey: string;
  /** While pending after a failed attempt: when the next attempt is due (ISO); otherwise null. */
  nextAttemptAt: string | null;
  /** Whether the last failure was permanent (a 5xx reply): such an email is not retried by itself. */
  permanentFailure: boolean;
}

/** `POST /api/notifications/retry-failed`: how many failed emails were queued again. */
export interface RetryFailedResult {
  retried: number;
}

/** One queue's jobs by state, read from Redis (`GET /api/admin/queues`). */
export interface QueueState {
  name: string;
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
  paused: number;
}

/** `GET /api/admin/queues`: every queue, the worker's liveness and the job schedulers. */
export interface QueueMonitor {
  queues: QueueState[];
  worker: { status: 'up' | 'down'; lastHeartbeatAt: string | null };
  schedulers: Array<{ key: string; every: string; next: string | null }>;
}

/** A job that ran out of attempts (`GET /api/admin/queues/:queue/failed`). */
export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  /** When it last failed (ISO), or null if unknown. */
  failedAt: string | null;
  data: Record<string, unknown>;
}

export const JOB_RUN_OUTCOMES = ['sent', 'skipped'] as const;
export type JobRunOutcome = (typeof JOB_RUN_OUTCOMES)[number];

/**
 * What a reminder, overdue or approval-nudge job did, recorded in PostgreSQL
 * (`GET /api/admin/job-runs`): sent, or skipped with the reason (e.g. the
 * check-in had already begun when a late reminder would have gone out).
 */
export interface JobRun {
  key: string;
  kind: 'checkin_reminder' | 'checkin_overdue' | 'approval_nudge';
  subjectId: string;
  dueAt: string;
  ranAt: string;
  outcome: JobRunOutcome;
  reason: string | null;
  /** ranAt − dueAt, in ms. */
  latenessMs: number;
}

export interface StatsOverview {
  pendingApprovals: number;
  activePlacements: number;
  upcomingCheckIns7d: number;
  overdueCheckIns: number;
  /** Completed ÷ (completed + overdue) among check-ins that are due, 0–1; null when none is due yet. */
  checkInCompletionRate: number | null;
  averageDurationWeeks: number | null;
  skillChange: { negotiation: number | null; closing: number | null; persistence: number | null };
}

export interface CapacityWeek {
  teamId: string;
  weekStart: string;
  booked: number;
  capacity: number;
}
