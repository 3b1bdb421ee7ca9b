import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import { CHECK_IN_STATUSES, type CheckInStatus } from '@stint/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class RatingsDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'negotiation must be a whole number from 1 to 5' })
  @Min(1, { message: 'negotiation must be from 1 to 5' })
  @Max(5, { message: 'negotiation must be from 1 to 5' })
  negotiation!: number;
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'closing must be a whole number from 1 to 5' })
  @Min(1, { message: 'closing must be from 1 to 5' })
  @Max(5, { message: 'closing must be from 1 to 5' })
  closing!: number;
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'persistence must be a whole number from 1 to 5' })
  @Min(1, { message: 'persistence must be from 1 to 5' })
  @Max(5, { message: 'persistence must be from 1 to 5' })
  persistence!: number;
}

export class CompleteCheckInDto {
  @ApiProperty({ type: RatingsDto })
  @IsDefined({ message: 'ratings is required: {negotiation, closing, persistence}, each 1–5' })
  @ValidateNested()
  @Type(() => RatingsDto)
  ratings!: RatingsDto;

  @ApiProperty({ example: 'Sat in on two discovery calls; objection handling is harder than it looks.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'notes must be a string' })
  @MaxLength(10_000, { message: 'notes must be at most 10,000 characters' })
  notes!: string;
}

export class FeedbackDto {
  @ApiProperty({ example: 'Great progress on closing; try leading the next demo.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'text must be a string' })
  @MinLength(1, { message: 'text is required' })
  @MaxLength(4000, { message: 'text must be at most 4000 characters' })
  text!: string;
}

export class CheckInQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'placementId must be a UUID' })
  placementId?: string;
  @ApiPropertyOptional({ enum: CHECK_IN_STATUSES })
  @IsOptional()
  @IsIn(CHECK_IN_STATUSES, { message: `status must be one of ${CHECK_IN_STATUSES.join(', ')}` })
  status?: CheckInStatus;
  @ApiPropertyOptional({ description: 'Check-ins on or after this date (UTC).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Check-ins on or before this date (UTC).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
