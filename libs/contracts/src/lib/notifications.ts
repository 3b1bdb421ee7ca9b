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
