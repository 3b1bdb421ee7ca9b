import type { CheckInKind, CheckInStatus, PlacementStatus, RequestStatus } from '@stint/contracts';

export type AnyStatus = RequestStatus | PlacementStatus | CheckInStatus;

export const STATUS_LABEL: Record<AnyStatus, string> = {
  pending_manager: 'Waiting for line manager',
  pending_host: 'Waiting for host team',
  waitlisted: 'On waitlist',
  offered: 'Offer out',
  lapsed: 'Lapsed',
  booked: 'Booked',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  scheduled: 'Scheduled',
  active: 'Active',
  completed: 'Completed',
  cancelled: 'Cancelled',
  upcoming: 'Upcoming',
  overdue: 'Overdue',
};

export const KIND_LABEL: Record<CheckInKind, string> = {
  kickoff: 'Kick-off',
  weekly: 'Weekly',
  midpoint: 'Midpoint',
  final: 'Final retrospective',
  follow_up: 'Follow-up',
  pulse: 'Pulse after return',
};

export const SKILLS = ['negotiation', 'closing', 'persistence'] as const;
export type Skill = (typeof SKILLS)[number];
export const SKILL_LABEL: Record<Skill, string> = {
  negotiation: 'Negotiation',
  closing: 'Closing',
  persistence: 'Persistence',
};

/** "+1.5", "−0.3", "0", or "—" when there is nothing to compare. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/** One wording for counts everywhere (the UI library's). */
export { plural } from '@stint/dashboard-ui';
