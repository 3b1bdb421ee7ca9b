import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import { PLACEMENT_STATUSES, type PlacementStatus } from '@stint/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** What a placements list can embed on request: only the check-ins. */
export const PLACEMENT_EXPANSIONS = ['checkIns'] as const;
export type PlacementExpansion = (typeof PLACEMENT_EXPANSIONS)[number];

export class PlacementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pmId must be a UUID' })
  pmId?: string;
  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES })
  @IsOptional()
  @IsIn(PLACEMENT_STATUSES, { message: `status must be one of ${PLACEMENT_STATUSES.join(', ')}` })
  status?: PlacementStatus;
  @ApiPropertyOptional({ description: 'Placements that end on or after this date.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Placements that start on or before this date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({
    enum: PLACEMENT_EXPANSIONS,
    description: 'checkIns: embed each placement’s check-ins (left out of list items unless asked).',
  })
  @IsOptional()
  @IsIn(PLACEMENT_EXPANSIONS, { message: `include must be ${PLACEMENT_EXPANSIONS.join(', ')}` })
  include?: PlacementExpansion;
}

export class ExportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
}

export class RescheduleDto {
  @ApiProperty({ example: '2027-02-01' }) @IsCalendarDate() startDate!: string;
  @ApiPropertyOptional({ example: 4 })
  @IsOptional()
  @IsInt({ message: 'durationWeeks must be a whole number of weeks' })
  @Min(1, { message: 'durationWeeks must be at least 1' })
  @Max(52, { message: 'durationWeeks must be at most 52' })
  durationWeeks?: number;
}

export class CancelDto {
  @ApiProperty({ example: 'Team re-org; we will re-book in Q3.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be a string' })
  @MinLength(1, { message: 'reason is required: say why the placement is cancelled' })
  @MaxLength(2000)
  reason!: string;
}

export class SlotQueryDto {
  @ApiProperty({ example: 4 })
  @Type(() => Number)
  @IsInt({ message: 'durationWeeks must be a whole number of weeks' })
  @Min(1, { message: 'durationWeeks must be at least 1' })
  @Max(52, { message: 'durationWeeks must be at most 52' })
  durationWeeks!: number;

  @ApiProperty({ example: '2027-01-04' }) @IsCalendarDate() earliestStart!: string;
  @ApiProperty({ example: '2027-06-30' }) @IsCalendarDate() latestEnd!: string;

  @ApiPropertyOptional({ type: [String], description: 'Repeat to name several teams: ?teamId=a&teamId=b' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]))
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each teamId must be a UUID' })
  teamId?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the caller.' })
  @IsOptional()
  @IsUUID('all', { message: 'pmId must be a UUID' })
  pmId?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 50, description: 'Slots per team.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(50, { message: 'limit must be at most 50' })
  limit?: number;
}

export class AvailabilityQueryDto {
  @ApiProperty({ example: '2027-01-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-03-31' }) @IsCalendarDate() to!: string;
}
