import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_KINDS,
  CHECK_IN_STATUSES,
  type CheckIn,
  type CheckInKind,
  type CheckInStatus,
  type Feedback,
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
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CheckInResponseDto implements CheckIn {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ enum: CHECK_IN_KINDS }) kind!: CheckInKind;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ enum: CHECK_IN_STATUSES }) status!: CheckInStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: SkillRatingsDto, nullable: true }) ratings!: SkillRatingsDto | null;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [FeedbackResponseDto] }) feedback!: FeedbackResponseDto[];
  @ApiProperty({
    example: '2027-01-11',
    description: 'Extension: the check-in’s day on the PM’s calendar; the PM can file the reflection from then on.',
  })
  opensOn!: string;
}
