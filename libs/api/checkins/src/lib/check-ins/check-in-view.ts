import type { CheckIn, HostAssessment } from '@stint/contracts';
import { checkInStatus } from '../check-in-status';
import type { CheckInEntity, CheckInFeedbackEntity } from '../check-in.entity';

/** Who is around a placement: its PM and its team, with their names. */
export interface PlacementNames {
  pmId: string;
  pmName: string;
  teamId: string;
  teamName: string;
}

/**
 * What is read beside check-ins to answer them: managers' feedback, hosts' assessments (by check-in id)
 * and the PM's and team's names (by placement id).
 */
/** A manager's feedback with its author's name. */
export type NamedFeedback = Pick<CheckInFeedbackEntity, 'checkInId' | 'byId' | 'text' | 'at'> & { byName: string };

export interface CheckInExtras {
  feedback: NamedFeedback[];
  assessments: Map<string, HostAssessment>;
  names: Map<string, PlacementNames>;
}

/** The ratings of a completed check-in: the core three from their columns, any added skill from `extra_ratings`. */
export function ratingsOf(c: CheckInEntity): CheckIn['ratings'] {
  if (c.ratingNegotiation === null || c.ratingClosing === null || c.ratingPersistence === null) return null;
  return {
    negotiation: c.ratingNegotiation,
    closing: c.ratingClosing,
    persistence: c.ratingPersistence,
    ...(c.extraRatings ?? {}),
  };
}

/** A check-in as the API answers it: its status derived at `now`, its ratings, feedback, assessment and names. */
export function toCheckIn(c: CheckInEntity, extras: CheckInExtras, now: Date, overdueAfterHours: number): CheckIn {
  const names = extras.names.get(c.placementId);
  return {
    id: c.id,
    placementId: c.placementId,
    kind: c.kind,
    scheduledAt: c.scheduledAt.toISOString(),
    status: checkInStatus(c, now, overdueAfterHours),
    completedAt: c.completedAt ? c.completedAt.toISOString() : null,
    ratings: ratingsOf(c),
    notes: c.notes,
    feedback: extras.feedback
      .filter((f) => f.checkInId === c.id)
      .map((f) => ({ byId: f.byId, byName: f.byName, text: f.text, at: f.at.toISOString() })),
    opensOn: c.dueDate,
    owner: c.kind === 'pulse' ? 'line_manager' : 'pm',
    wouldSendAgain: c.kind === 'pulse' ? (c.wouldSendAgain ?? null) : null,
    goalOutcomes: c.kind === 'final' ? (c.goalOutcomes ?? null) : null,
    assessment: extras.assessments.get(c.id) ?? null,
    pmName: names?.pmName ?? '',
    teamName: names?.teamName ?? '',
    ...(names && { pmId: names.pmId, teamId: names.teamId }),
  };
}
