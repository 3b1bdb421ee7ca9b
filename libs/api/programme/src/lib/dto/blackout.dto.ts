import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import { Transform } from 'class-transformer';
import type { AffectedPlacement, Blackout, BlackoutCreated } from '@stint/contracts';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class BlackoutDto implements Blackout {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: global' }) teamId!: string | null;
  @ApiProperty({ example: '2027-03-29' }) startsOn!: string;
  @ApiProperty({ example: '2027-04-02' }) endsOn!: string;
  @ApiProperty() reason!: string;
}

export class AffectedPlacementDto implements AffectedPlacement {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
}

export class BlackoutCreatedDto extends BlackoutDto implements BlackoutCreated {
  @ApiProperty({
    type: [AffectedPlacementDto],
    description: 'Live placements the blackout overlaps; they are not cancelled.',
  })
  affectedPlacements!: AffectedPlacementDto[];
}

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
