import type { GoalOutcome, HostAssessment, RatingsBySkill } from './outcomes';
export const REQUEST_STATUSES = [
  'pending_manager',
  'pending_host',
  'waitlisted',
  'offered',
  'booked',
  'rejected',
  'withdrawn',
  'lapsed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const PLACEMENT_STATUSES = ['scheduled', 'active', 'completed', 'cancelled'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const CHECK_IN_KINDS = ['kickoff', 'weekly', 'midpoint', 'final', 'follow_up', 'pulse'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];

export const CHECK_IN_STATUSES = ['upcoming', 'overdue', 'completed', 'cancelled'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export interface Approval {
  step: 'manager' | 'host';
  decision: 'approved' | 'rejected';
  byId: string;
  /** The display name of the person who took the decision (`byId`), so every viewer can read who it was. */
  byName: string;
  comment: string;
  at: string;
}

export interface RotationRequest {
  id: string;
  pmId: string;
  /** Extension: the PM's and team's names, so a host manager need not look up people outside their reports. */
  pmName?: string;
  teamId: string;
  teamName?: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  goals: string[];
  motivation: string;
  status: RequestStatus;
  approvals: Approval[];
  placementId: string | null;
  /** Asked for a full team on purpose: released all the same, for the host to put on the team's waitlist. */
  waitlistIfFull: boolean;
  /** While `waitlisted`: the place in the team's waitlist (1 = next in line); otherwise null. */
  waitlistPosition: number | null;
  /** While `offered`: when the held place is released if the PM has not accepted (ISO); otherwise null. */
  offerExpiresAt: string | null;
  /** The host's open counter-proposal (only while `pending_host`); null when none is open. Always sent by the API. */
  proposal?: RequestProposal | null;
  createdAt: string;
  updatedAt: string;
}

/** Other dates the host team's manager proposes for a request whose team is full: same duration, another start. */
export interface RequestProposal {
  startDate: string;
  endDate: string;
  /** Who proposed it (null once that account is gone). */
  proposedBy: string | null;
  proposedByName: string;
  /** When it was proposed (ISO instant). */
  proposedAt: string;
}

/** One request in a team's waitlist (`GET /api/teams/:id/waitlist`), in offer order: offers out first, then the line. */
export interface WaitlistEntry {
  requestId: string;
  pmId: string;
  pmName: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  status: 'waitlisted' | 'offered';
  /** 1-based place in line while waitlisted; null while an offer is out. */
  waitlistPosition: number | null;
  waitlistedAt: string;
  offerExpiresAt: string | null;
}

export interface TeamWaitlist {
  teamId: string;
  teamName: string;
  capacity: number;
  items: WaitlistEntry[];
}

/** 1–5 per core skill. A check-in's `ratings` also carries any skill the policy adds (see `ProgrammePolicy.skills`). */
export interface SkillRatings {
  negotiation: number;
  closing: number;
  persistence: number;
}

export interface Feedback {
  byId: string;
  /** The author's name, so a PM who cannot list managers still reads who wrote it. */
  byName: string;
  text: string;
  at: string;
}

export interface CheckIn {
  id: string;
  placementId: string;
  kind: CheckInKind;
  scheduledAt: string;
  status: CheckInStatus;
  completedAt: string | null;
  /** 1–5 per skill of the policy: the core three, and any an admin added. */
  ratings: (SkillRatings & RatingsBySkill) | null;
  notes: string;
  feedback: Feedback[];
  /** Who files it: the PM (their reflection), or for a `pulse` the PM's line manager. */
  owner: 'pm' | 'line_manager';
  /** On a completed `pulse`: would the line manager send another PM? Otherwise null. */
  wouldSendAgain: boolean | null;
  /** On a completed `final`: the request's learning goals, revisited. Otherwise null. */
  goalOutcomes: GoalOutcome[] | null;
  /** On a `final`: the host manager's assessment once filed. Otherwise null. */
  assessment: HostAssessment | null;
  /**
   * Extension: the check-in's day (`YYYY-MM-DD`, on the PM's calendar), from
   * which the PM can file the reflection; earlier, completing answers 409.
   */
  opensOn?: string;
  /** Extension: the PM's name (the placement's PM, who files the reflection). */
  pmName?: string;
  /** Extension (0.11.0): the placement's PM and host team, so a list of check-ins needs no placement look-ups. */
  pmId?: string;
  teamId?: string;
  /** Extension: the name of the team the PM rotates into. */
  teamName?: string;
}

export interface Placement {
  id: string;
  requestId: string;
  pmId: string;
  /** Extension: names of the PM and the team. */
  pmName?: string;
  teamName?: string;
  teamId: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  status: PlacementStatus;
  cancelledReason: string | null;
  /** The placement's check-ins, earliest first. */
  checkIns: CheckIn[];
}

/**
 * An item of `GET /api/placements`: a placement whose check-ins are there only
 * when asked for with `?include=checkIns` (0.11.0: lists are lean; the detail
 * view always has them).
 */
export type PlacementListItem = Omit<Placement, 'checkIns'> & { checkIns?: CheckIn[] };

export interface AuditEntry {
  id: string;
  actorId: string | null;
  /** The actor's name; null when Stint itself acted (a job, the seed). */
  actorName: string | null;
  /** The change in words, naming people, teams and dates ("Maria released Ana's request for …"). */
  summary: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
}
