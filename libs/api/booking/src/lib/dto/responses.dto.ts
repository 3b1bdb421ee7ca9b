import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_KINDS,
  CHECK_IN_STATUSES,
  PLACEMENT_STATUSES,
  type AvailabilityDay,
  type CheckIn,
  type CheckInKind,
  type CheckInStatus,
  type Feedback,
  type Placement,
  type PlacementStatus,
  type SkillRatings,
  type SlotSuggestion,
} from '@stint/contracts';

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

export class PlacementResponseDto implements Placement {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty({ description: 'Extension: the PM’s name' }) pmName!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ description: 'Extension: the team’s name' }) teamName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-31' }) endDate!: string;
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status!: PlacementStatus;
  @ApiProperty({ nullable: true, type: String }) cancelledReason!: string | null;
  @ApiProperty({ type: [CheckInResponseDto] }) checkIns!: CheckInResponseDto[];
}

export class SlotResponseDto implements SlotSuggestion {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-31' }) endDate!: string;
}

export class AvailabilityDayDto implements AvailabilityDay {
  @ApiProperty({ example: '2027-01-04' }) date!: string;
  @ApiProperty() booked!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty() blackout!: boolean;
}
