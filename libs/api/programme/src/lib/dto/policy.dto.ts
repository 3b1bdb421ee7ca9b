import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsClockTime } from '@stint/api-core';
import type { ProgrammePolicy } from '@stint/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PolicyDto implements ProgrammePolicy {
  @ApiProperty({ example: 1 }) minWeeks!: number;
  @ApiProperty({ example: 12 }) maxWeeks!: number;
  @ApiProperty({ example: '10:00' }) checkinTime!: string;
  @ApiProperty({ example: 24 }) reminderLeadHours!: number;
  @ApiProperty({ example: 48 }) overdueAfterHours!: number;
  @ApiProperty({ example: 30 }) followUpDays!: number;
  @ApiProperty({ example: 48, description: 'How long a waitlist offer holds its place before it lapses.' })
  offerHoldHours!: number;
}

export class UpdatePolicyDto implements Partial<ProgrammePolicy> {
  @ApiPropertyOptional({ minimum: 1, maximum: 52 })
  @IsOptional()
  @IsInt({ message: 'minWeeks must be a whole number' })
  @Min(1, { message: 'minWeeks must be at least 1' })
  @Max(52, { message: 'minWeeks must be at most 52' })
  minWeeks?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 52 })
  @IsOptional()
  @IsInt({ message: 'maxWeeks must be a whole number' })
  @Min(1, { message: 'maxWeeks must be at least 1' })
  @Max(52, { message: 'maxWeeks must be at most 52' })
  maxWeeks?: number;
  @ApiPropertyOptional({ example: '10:00' }) @IsOptional() @IsClockTime() checkinTime?: string;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'reminderLeadHours must be a whole number' })
  @Min(0, { message: 'reminderLeadHours must not be negative' })
  @Max(720)
  reminderLeadHours?: number;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'overdueAfterHours must be a whole number' })
  @Min(0, { message: 'overdueAfterHours must not be negative' })
  @Max(720)
  overdueAfterHours?: number;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'followUpDays must be a whole number' })
  @Min(0, { message: 'followUpDays must not be negative' })
  @Max(365)
  followUpDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 336 })
  @IsOptional()
  @IsInt({ message: 'offerHoldHours must be a whole number' })
  @Min(1, { message: 'offerHoldHours must be at least 1' })
  @Max(336, { message: 'offerHoldHours must be at most 336 (two weeks)' })
  offerHoldHours?: number;
}
