/*
 * Outcomes (issue 15): three viewpoints on what a rotation taught, on one 1–5
 * scale per skill, and what they say about how long a rotation should be.
 */

/** The programme's skills when the policy names no others; an admin may add more, never remove these. */
export const CORE_SKILLS = ['negotiation', 'closing', 'persistence'] as const;

/** One rating (a whole number 1–5) per skill of the policy, keyed by skill name. */
export type RatingsBySkill = Record<string, number>;

export const GOAL_RESULTS = ['met', 'partly_met', 'not_met'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];

/** A learning goal of the request, revisited at the final check-in. */
export interface GoalOutcome {
  goal: string;
  result: GoalResult;
}

/** The host manager's assessment at the final check-in: what they saw. Filed once. */
export interface HostAssessment {
  byId: string;
  byName: string;
  ratings: RatingsBySkill;
  notes: string;
  at: string;
}

/** The line manager's pulse after return (a check-in of kind `pulse`). */
export interface PulseAnswer {
  byId: string;
  /** How well the PM applies what they learnt, per skill. */
  ratings: RatingsBySkill;
  /** Would the line manager send another PM on a rotation? */
  wouldSendAgain: boolean;
  comment: string;
  at: string;
}

/** A mean with its 95% interval. */
export interface MeanInterval {
  mean: number;
  ci95: [number, number];
  /** How many rotations it rests on. */
  n: number;
}

export interface ViewpointGains {
  self: MeanInterval | null;
  host: MeanInterval | null;
  pulse: MeanInterval | null;
}

export interface DurationOutcome {
  durationWeeks: number;
  /** Finished rotations of this length (final check-in done). */
  rotations: number;
  withSelf: number;
  withHost: number;
  withPulse: number;
  /** Per viewpoint, the mean over rotations of the mean over skills of (rating − the PM's kickoff rating). */
  self: MeanInterval | null;
  host: MeanInterval | null;
  pulse: MeanInterval | null;
  /** Share (0–1) of pulses answering yes; null without pulses. */
  wouldSendAgain: number | null;
  bySkill: Record<string, ViewpointGains>;
  /** Share (0–1) of revisited goals marked met; null when none were revisited. */
  goalsMet: number | null;
}

export interface OutcomeRecommendation {
  durationWeeks: number;
  statement: string;
  basis: string;
}

export interface OutcomesReport {
  skills: string[];
  finishedRotations: number;
  runningRotations: number;
  byDuration: DurationOutcome[];
  recommendation: OutcomeRecommendation | null;
  /** Why there is no recommendation yet (present when `recommendation` is null). */
  reason?: string;
  /** How the intervals were computed. */
  method: string;
}

/** One rotation's evidence, as the outcomes export lists it. */
export interface RotationOutcome {
  placementId: string;
  pmName: string;
  teamName: string;
  region: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  /** Its final check-in is done; only finished rotations count in the report. */
  finished: boolean;
  /** The PM's self-rating at kickoff (the baseline) and at the final check-in. */
  kickoff: RatingsBySkill | null;
  final: RatingsBySkill | null;
  /** The host manager's assessment at the final check-in. */
  host: RatingsBySkill | null;
  /** The line manager's pulse after return. */
  pulse: RatingsBySkill | null;
  wouldSendAgain: boolean | null;
  goalOutcomes: GoalOutcome[] | null;
}
