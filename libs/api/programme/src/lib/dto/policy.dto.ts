import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsClockTime } from '@stint/api-core';
import type { ProgrammePolicy } from '@stint/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class PolicyDto implements ProgrammePolicy {
  @ApiProperty({ example: 1 }) minWeeks!: number;
  @ApiProperty({ example: 12 }) maxWeeks!: number;
  @ApiProperty({ example: '10:00' }) checkinTime!: string;
  @ApiProperty({ example: 24 }) reminderLeadHours!: number;
  @ApiProperty({ example: 48 }) overdueAfterHours!: number;
  @ApiProperty({ example: 30 }) followUpDays!: number;
  @ApiProperty({ example: 48, description: 'How long a waitlist offer holds its place before it lapses.' })
  offerHoldHours!: number;
  @ApiProperty({
    example: ['negotiation', 'closing', 'persistence', 'customer empathy'],
    description: 'The rated skills: the core three first, then any an admin added.',
  })
  skills!: string[];
  @ApiProperty({ example: 60, description: 'Days after the end when the line manager’s pulse falls.' })
  pulseAfterDays!: number;
  @ApiProperty({
    example: 5,
    description: 'The fewest business days of the host team between today and a chosen start; 0 turns it off.',
  })
  minLeadDays!: number;
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
  @ApiPropertyOptional({
    type: [String],
    maxItems: 12,
    description: 'The core three (negotiation, closing, persistence) first, then up to 9 more.',
  })
  @IsOptional()
  @IsArray({ message: 'skills must be a list of skill names' })
  @ArrayMaxSize(12, { message: 'skills may name at most 12 skills' })
  @IsString({ each: true, message: 'each skill must be a string' })
  skills?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt({ message: 'pulseAfterDays must be a whole number' })
  @Min(1, { message: 'pulseAfterDays must be at least 1' })
  @Max(365, { message: 'pulseAfterDays must be at most 365' })
  pulseAfterDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt({ message: 'minLeadDays must be a whole number' })
  @Min(0, { message: 'minLeadDays must not be negative (0 turns the lead time off)' })
  @Max(60, { message: 'minLeadDays must be at most 60 business days' })
  minLeadDays?: number;
}
