import { ApiProperty } from '@nestjs/swagger';
import { CheckInResponseDto } from '@stint/api-core';
import {
  PLACEMENT_STATUSES,
  type AvailabilityDay,
  type Placement,
  type PlacementStatus,
  type SlotSuggestion,
} from '@stint/contracts';

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
