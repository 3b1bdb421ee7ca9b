import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CreateBlackoutDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a global blackout' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'teamId must be a team id (UUID) or null for a global blackout' })
  teamId!: string | null;

  @ApiProperty({ example: '2027-03-29' }) @IsCalendarDate() startsOn!: string;
  @ApiProperty({ example: '2027-04-02' }) @IsCalendarDate() endsOn!: string;

  @ApiProperty({ example: 'Quarter-end close' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be a string' })
  @MaxLength(500)
  reason!: string;
}

export class BlackoutQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "That team's blackouts and the global ones." })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
}
