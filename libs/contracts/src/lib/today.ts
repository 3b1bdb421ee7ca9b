import type { DependencyState } from './health';
import type { CheckInKind } from './rotations';

/** A request waiting for the caller's decision. */
export interface TodayApproval {
  requestId: string;
  pmName: string;
  teamName: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  /** pending_manager: the line manager releases; pending_host: the host manager agrees. */
  stage: 'pending_manager' | 'pending_host';
  /** When it reached this stage (ISO), and how many whole days ago that was. */
  pendingSince: string;
  ageDays: number;
}

/** A request of the caller's (a PM) whose host proposed other dates: they accept or decline. */
export interface TodayProposal {
  requestId: string;
  teamName: string;
  /** The dates the PM asked for. */
  startDate: string;
  endDate: string;
  durationWeeks: number;
  /** The dates the host proposes instead (same duration). */
  proposedStartDate: string;
  proposedEndDate: string;
  proposedByName: string;
  /** When it was proposed (ISO). */
  proposedAt: string;
}

/**
 * What the caller does with a check-in: `reflect` (the PM's own reflection and
 * ratings), `assess` (the host manager's assessment at the final), `pulse` (the
 * line manager's pulse after return), or `follow` (feedback is welcome, nothing
 * is required of the caller).
 */
export type TodayCheckInPart = 'reflect' | 'assess' | 'pulse' | 'follow';

export interface TodayCheckIn {
  checkInId: string;
  placementId: string;
  kind: CheckInKind;
  /** The instant it is held (ISO). */
  scheduledAt: string;
  pmName: string;
  teamName: string;
  myPart: TodayCheckInPart;
}

export interface TodayPlacement {
  placementId: string;
  pmName: string;
  teamName: string;
  startDate: string;
  endDate: string;
  /** Which of its ends falls in the next 14 days (the start when both do). */
  event: 'starts' | 'ends';
  /** That day (YYYY-MM-DD, the team's calendar). */
  on: string;
}

/** A team the caller manages whose busiest day in the next 8 weeks uses 80 % of its places or more. */
export interface TodayTeamLoad {
  teamId: string;
  teamName: string;
  capacity: number;
  /** The most placements (and held offers) on one day in the next 8 weeks. */
  peakBooked: number;
  /** The first day with that many (YYYY-MM-DD). */
  peakOn: string;
}

/** How many there are in all; each list carries at most TODAY_LIST_LIMIT of them. */
export interface TodayCounts {
  approvalsAwaitingMe: number;
  proposalsAwaitingMe: number;
  checkInsDue: number;
  overdueCheckIns: number;
  upcomingPlacements: number;
}

/** The most items a list of `GET /api/me/today` carries (the most urgent); `counts` has the totals. */
export const TODAY_LIST_LIMIT = 50;

/** `GET /api/me/today`: the caller's home in one round trip. Lists are arrays, most urgent first. */
export interface Today {
  /** The instant these lists were drawn up (ISO). */
  generatedAt: string;
  approvalsAwaitingMe: TodayApproval[];
  /** The caller's own requests with other dates proposed by the host, to accept or decline; oldest proposal first. */
  proposalsAwaitingMe: TodayProposal[];
  /** Not yet done, due within the next 7 days and not overdue, soonest first. */
  checkInsDue: TodayCheckIn[];
  /** Past the policy's overdue time and not done, oldest first. */
  overdueCheckIns: TodayCheckIn[];
  /** Rotations starting or ending in the next 14 days, soonest first. */
  upcomingPlacements: TodayPlacement[];
  counts: TodayCounts;
  /** Managers and admins: the teams they manage near capacity; empty for PMs. */
  teamsNearCapacity: TodayTeamLoad[];
  /** Admins only (null for everyone else): emails that gave up, for the email log's retry. */
  failedEmails: number | null;
  /** Admins only: the worker's state from its heartbeat, as in /api/health. */
  worker: { status: DependencyState; heartbeatAt: string | null } | null;
  /** Admins only: active PMs with no active line manager (nobody can release their requests). */
  usersWithoutManager: number | null;
  /** Admins only: active teams whose manager is deactivated or no longer a manager (nobody can host). */
  teamsWithoutManager: number | null;
}
