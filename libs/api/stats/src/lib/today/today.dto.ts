import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_KINDS,
  type CheckInKind,
  type Today,
  type TodayApproval,
  type TodayCheckIn,
  type TodayCheckInPart,
  type TodayCounts,
  type TodayPlacement,
  type TodayProposal,
  type TodayTeamLoad,
} from '@stint/contracts';

/** OpenAPI shapes of GET /api/me/today (the interfaces are in @stint/contracts). */
export class TodayApprovalDto implements TodayApproval {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ enum: ['pending_manager', 'pending_host'] }) stage!: 'pending_manager' | 'pending_host';
  @ApiProperty({ format: 'date-time', description: 'When it reached this stage.' }) pendingSince!: string;
  @ApiProperty({ description: 'Whole days since pendingSince.' }) ageDays!: number;
}

export class TodayProposalDto implements TodayProposal {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ format: 'date', description: 'The start the PM asked for.' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ format: 'date', description: 'The start the host proposes instead.' }) proposedStartDate!: string;
  @ApiProperty({ format: 'date' }) proposedEndDate!: string;
  @ApiProperty() proposedByName!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
}

export class TodayCheckInDto implements TodayCheckIn {
  @ApiProperty({ format: 'uuid' }) checkInId!: string;
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ enum: CHECK_IN_KINDS }) kind!: CheckInKind;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({
    enum: ['reflect', 'assess', 'pulse', 'follow'],
    description:
      "reflect: the PM's own reflection; assess: the host's assessment at the final; pulse: the line manager's pulse; follow: nothing required of the caller.",
  })
  myPart!: TodayCheckInPart;
}

export class TodayPlacementDto implements TodayPlacement {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty({ enum: ['starts', 'ends'] }) event!: 'starts' | 'ends';
  @ApiProperty({ format: 'date', description: 'The day it starts or ends.' }) on!: string;
}

export class TodayTeamLoadDto implements TodayTeamLoad {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'The most placements and held offers on one day in the next 8 weeks.' })
  peakBooked!: number;
  @ApiProperty({ format: 'date' }) peakOn!: string;
}

export class TodayCountsDto implements TodayCounts {
  @ApiProperty() approvalsAwaitingMe!: number;
  @ApiProperty() proposalsAwaitingMe!: number;
  @ApiProperty() checkInsDue!: number;
  @ApiProperty() overdueCheckIns!: number;
  @ApiProperty() upcomingPlacements!: number;
}

export class TodayWorkerDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heartbeatAt!: string | null;
}

export class TodayDto implements Today {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [TodayApprovalDto], description: 'Longest waiting first; at most 50 (counts has the total).' })
  approvalsAwaitingMe!: TodayApprovalDto[];
  @ApiProperty({
    type: [TodayProposalDto],
    description: 'PMs: their requests with other dates proposed by the host, oldest first; at most 50.',
  })
  proposalsAwaitingMe!: TodayProposalDto[];
  @ApiProperty({ type: [TodayCheckInDto], description: 'Due in the next 7 days and not overdue, soonest first.' })
  checkInsDue!: TodayCheckInDto[];
  @ApiProperty({ type: [TodayCheckInDto], description: 'Overdue and not done, oldest first.' })
  overdueCheckIns!: TodayCheckInDto[];
  @ApiProperty({ type: [TodayPlacementDto], description: 'Starting or ending in the next 14 days, soonest first.' })
  upcomingPlacements!: TodayPlacementDto[];
  @ApiProperty({ type: TodayCountsDto }) counts!: TodayCountsDto;
  @ApiProperty({ type: [TodayTeamLoadDto], description: 'Managers and admins; empty for PMs.' })
  teamsNearCapacity!: TodayTeamLoadDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Admins only.' }) failedEmails!: number | null;
  @ApiProperty({ type: TodayWorkerDto, nullable: true, description: 'Admins only.' }) worker!: TodayWorkerDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Admins only.' }) usersWithoutManager!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Admins only.' }) teamsWithoutManager!: number | null;
}
