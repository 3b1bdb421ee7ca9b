import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import {
  GOAL_RESULTS,
  type DurationOutcome,
  type GoalOutcome,
  type GoalResult,
  type MeanInterval,
  type OutcomeRecommendation,
  type OutcomesReport,
  type RotationOutcome,
  type ViewpointGains,
} from '@stint/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const RATINGS = {
  type: 'object' as const,
  additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
  nullable: true,
};

export class OutcomesQueryDto {
  @ApiPropertyOptional({ description: 'Rotations ending on or after this date.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Rotations starting on or before this date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
  @ApiPropertyOptional({ example: 'EMEA' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'region must be a string' })
  @MaxLength(100, { message: 'region must be at most 100 characters' })
  region?: string;
}

export class OutcomeRotationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'region must be a string' })
  @MaxLength(100, { message: 'region must be at most 100 characters' })
  region?: string;
}

class MeanIntervalDto implements MeanInterval {
  @ApiProperty({ example: 1.3, description: 'Mean change over the kickoff self-rating, on the 1–5 scale.' })
  mean!: number;
  @ApiProperty({ type: [Number], example: [0.9, 1.7], description: '95% interval (t, or bootstrap when skewed).' })
  ci95!: [number, number];
  @ApiProperty({ description: 'Rotations it rests on.' }) n!: number;
}

class ViewpointGainsDto implements ViewpointGains {
  @ApiProperty({ type: MeanIntervalDto, nullable: true }) self!: MeanIntervalDto | null;
  @ApiProperty({ type: MeanIntervalDto, nullable: true }) host!: MeanIntervalDto | null;
  @ApiProperty({ type: MeanIntervalDto, nullable: true }) pulse!: MeanIntervalDto | null;
}

class DurationOutcomeDto extends ViewpointGainsDto implements DurationOutcome {
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ description: 'Finished rotations (final check-in done).' }) rotations!: number;
  @ApiProperty() withSelf!: number;
  @ApiProperty() withHost!: number;
  @ApiProperty() withPulse!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of pulses saying yes, 0–1.' })
  wouldSendAgain!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ViewpointGainsDto' } })
  bySkill!: Record<string, ViewpointGainsDto>;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of revisited learning goals met, 0–1.' })
  goalsMet!: number | null;
}

class RecommendationDto implements OutcomeRecommendation {
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ example: '4-week rotations show the largest gain: +1.3 (95% CI 0.9–1.7, 24 rotations), …' })
  statement!: string;
  @ApiProperty() basis!: string;
}

export class OutcomesReportDto implements OutcomesReport {
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty() finishedRotations!: number;
  @ApiProperty() runningRotations!: number;
  @ApiProperty({ type: [DurationOutcomeDto] }) byDuration!: DurationOutcomeDto[];
  @ApiProperty({ type: RecommendationDto, nullable: true }) recommendation!: RecommendationDto | null;
  @ApiPropertyOptional({ description: 'Why there is no recommendation yet.' }) reason?: string;
  @ApiProperty({ description: 'How the intervals were computed.' }) method!: string;
}

class GoalOutcomeRowDto implements GoalOutcome {
  @ApiProperty() goal!: string;
  @ApiProperty({ enum: GOAL_RESULTS }) result!: GoalResult;
}

export class RotationOutcomeDto implements RotationOutcome {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() region!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty() durationWeeks!: number;
  @ApiProperty() finished!: boolean;
  @ApiProperty(RATINGS) kickoff!: Record<string, number> | null;
  @ApiProperty(RATINGS) final!: Record<string, number> | null;
  @ApiProperty(RATINGS) host!: Record<string, number> | null;
  @ApiProperty(RATINGS) pulse!: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: Boolean }) wouldSendAgain!: boolean | null;
  @ApiProperty({ type: [GoalOutcomeRowDto], nullable: true }) goalOutcomes!: GoalOutcomeRowDto[] | null;
}
