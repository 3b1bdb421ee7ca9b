import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@stint/api-core';
import {
  PLACEMENT_STATUSES,
  type Blackout,
  type PlacementStatus,
  type TimelinePlacement,
  type TimelineRequest,
  type TimelineWindow,
} from '@stint/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export class TimelineQueryDto {
  @ApiProperty({ example: '2027-01-04', description: 'First day of the window.' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-03-28', description: 'Last day of the window (at most 371 days after from).' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One team's rows only (its blackouts and the global ones)." })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id (UUID)' })
  teamId?: string;
}

export class TimelinePlacementDto implements TimelinePlacement {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-17' }) endDate!: string;
  @ApiProperty({ example: 2 }) durationWeeks!: number;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status!: PlacementStatus;
}

export class TimelineRequestDto implements TimelineRequest {
  @ApiProperty({ format: 'uuid', description: 'The request.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-17' }) endDate!: string;
  @ApiProperty({ example: 2 }) durationWeeks!: number;
  @ApiProperty({ enum: ['pending_manager', 'pending_host', 'offered'] }) status!: TimelineRequest['status'];
}

export class TimelineBlackoutDto implements Blackout {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: global' }) teamId!: string | null;
  @ApiProperty({ example: '2027-03-29' }) startsOn!: string;
  @ApiProperty({ example: '2027-04-02' }) endsOn!: string;
  @ApiProperty() reason!: string;
}

export class TimelineWindowDto implements TimelineWindow {
  @ApiProperty({ example: '2027-01-04' }) from!: string;
  @ApiProperty({ example: '2027-03-28' }) to!: string;
  @ApiProperty({ type: [TimelinePlacementDto] }) placements!: TimelinePlacementDto[];
  @ApiProperty({ type: [TimelineRequestDto] }) pendingRequests!: TimelineRequestDto[];
  @ApiProperty({ type: [TimelineBlackoutDto] }) blackouts!: TimelineBlackoutDto[];
  @ApiProperty({
    description: 'More than 2000 placements or pending requests touch the window: narrow it or pick a team.',
  })
  truncated!: boolean;
}
