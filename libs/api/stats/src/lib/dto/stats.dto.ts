import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@stint/api-core';
import type { CapacityWeek, StatsOverview } from '@stint/contracts';
import { IsIn, IsOptional } from 'class-validator';

class SkillChangeDto {
  @ApiProperty({ nullable: true, type: Number }) negotiation!: number | null;
  @ApiProperty({ nullable: true, type: Number }) closing!: number | null;
  @ApiProperty({ nullable: true, type: Number }) persistence!: number | null;
}

export class StatsOverviewDto implements StatsOverview {
  @ApiProperty() pendingApprovals!: number;
  @ApiProperty() activePlacements!: number;
  @ApiProperty() upcomingCheckIns7d!: number;
  @ApiProperty() overdueCheckIns!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'completed ÷ (completed + overdue), 0–1' })
  checkInCompletionRate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageDurationWeeks!: number | null;
  @ApiProperty({ type: SkillChangeDto, description: 'Mean over placements of (last − first completed rating)' })
  skillChange!: SkillChangeDto;
}

export class CapacityWeekDto implements CapacityWeek {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ example: '2027-01-04' }) weekStart!: string;
  @ApiProperty({ description: 'Most placements on any day of the week' }) booked!: number;
  @ApiProperty() capacity!: number;
}

export class StatsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
}

export class CapacityQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({
    enum: ['mine', 'all'],
    description:
      "A manager's teams: `mine` (default) the teams they host and their reports' host teams; `all` every active team, to plan for a report. PMs and admins always get every team.",
  })
  @IsOptional()
  @IsIn(['mine', 'all'], { message: 'scope must be mine or all' })
  scope?: 'mine' | 'all';
}
