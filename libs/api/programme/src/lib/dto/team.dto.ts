import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsHolidayCountry, IsTimeZone, PageQueryDto } from '@stint/api-core';
import type { Team } from '@stint/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TeamDto implements Team {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() region!: string;
  @ApiProperty() segment!: string;
  @ApiProperty({ format: 'uuid' }) managerId!: string;
  @ApiProperty({ minimum: 1 }) capacity!: number;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String, example: 'DE' }) holidayCountry!: string | null;
  @ApiProperty() active!: boolean;
}

export class CreateTeamDto {
  @ApiProperty({ example: 'EMEA Enterprise' })
  @Transform(trim)
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The sales team manager who approves hosting.' })
  @IsUUID('all', { message: 'managerId must be a user id (UUID)' })
  managerId!: string;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'PMs the team can host on any one day.' })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(1000, { message: 'capacity must be at most 1000' })
  capacity!: number;

  @ApiPropertyOptional({ example: 'EMEA' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(80) region?: string;
  @ApiPropertyOptional({ example: 'Enterprise' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(80)
  segment?: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' }) @IsOptional() @IsTimeZone() timezone?: string;

  @ApiPropertyOptional({ example: 'DE', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsHolidayCountry()
  holidayCountry?: string | null;
}

export class UpdateTeamDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a user id (UUID)' })
  managerId?: string;
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(1000, { message: 'capacity must be at most 1000' })
  capacity?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(80) region?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(80) segment?: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsHolidayCountry()
  holidayCountry?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}

export class TeamQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Matches name, region or segment.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a UUID' })
  managerId?: string;
}
