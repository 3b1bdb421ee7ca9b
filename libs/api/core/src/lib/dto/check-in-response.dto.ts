import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_KINDS,
  CHECK_IN_STATUSES,
  type CheckIn,
  type CheckInKind,
  type CheckInStatus,
  type Feedback,
  GOAL_RESULTS,
  type GoalOutcome,
  type GoalResult,
  type HostAssessment,
  type SkillRatings,
} from '@stint/contracts';

/*
 * A check-in as the API answers it. It lives here, below both rooms that
 * answer with it: check-ins (its own routes) and booking (a placement embeds
 * its check-ins). api-checkins depends on api-booking, so booking cannot
 * import it from there; api-core is the lowest library both may use.
 */

export class SkillRatingsDto implements SkillRatings {
  @ApiProperty({ minimum: 1, maximum: 5 }) negotiation!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) closing!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) persistence!: number;
}

export class FeedbackResponseDto implements Feedback {
  @ApiProperty({ format: 'uuid' }) byId!: string;
  @ApiProperty({ example: 'Maria Keller', description: "The author's name." }) byName!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class GoalOutcomeResponseDto implements GoalOutcome {
  @ApiProperty() goal!: string;
  @ApiProperty({ enum: GOAL_RESULTS }) result!: GoalResult;
}

export class HostAssessmentDto implements HostAssessment {
  @ApiProperty({ format: 'uuid' }) byId!: string;
  @ApiProperty() byName!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } })
  ratings!: Record<string, number>;
  @ApiProperty() notes!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CheckInResponseDto implements CheckIn {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ enum: CHECK_IN_KINDS }) kind!: CheckInKind;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ enum: CHECK_IN_STATUSES }) status!: CheckInStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({
    type: SkillRatingsDto,
    nullable: true,
    description: 'A rating 1–5 per skill of the policy: the core three, and any skill an admin added (same shape).',
  })
  ratings!: (SkillRatingsDto & Record<string, number>) | null;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [FeedbackResponseDto] }) feedback!: FeedbackResponseDto[];
  @ApiProperty({
    example: '2027-01-11',
    description: 'Extension: the check-in’s day on the PM’s calendar; the PM can file the reflection from then on.',
  })
  opensOn!: string;
  @ApiProperty({ enum: ['pm', 'line_manager'], description: 'Who files it: the PM, or for a pulse the line manager.' })
  owner!: 'pm' | 'line_manager';
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'A completed pulse: would the line manager send another PM?',
  })
  wouldSendAgain!: boolean | null;
  @ApiProperty({
    type: [GoalOutcomeResponseDto],
    nullable: true,
    description: 'A completed final: the learning goals revisited.',
  })
  goalOutcomes!: GoalOutcomeResponseDto[] | null;
  @ApiProperty({
    type: HostAssessmentDto,
    nullable: true,
    description: 'A final: the host manager’s assessment, once given.',
  })
  assessment!: HostAssessmentDto | null;
}
