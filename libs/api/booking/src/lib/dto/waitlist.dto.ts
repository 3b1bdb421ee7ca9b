import { ApiProperty } from '@nestjs/swagger';
import type { TeamWaitlist, WaitlistEntry } from '@stint/contracts';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class WaitlistEntryDto implements WaitlistEntry {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty() pmName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-31' }) endDate!: string;
  @ApiProperty() durationWeeks!: number;
  @ApiProperty({ enum: ['waitlisted', 'offered'] }) status!: 'waitlisted' | 'offered';
  @ApiProperty({ nullable: true, type: Number, description: '1-based place in line; null while an offer is out.' })
  waitlistPosition!: number | null;
  @ApiProperty({ format: 'date-time' }) waitlistedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) offerExpiresAt!: string | null;
}

export class TeamWaitlistDto implements TeamWaitlist {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ type: [WaitlistEntryDto], description: 'Offers out first (oldest first), then the line in order.' })
  items!: WaitlistEntryDto[];
}

export class ReorderWaitlistDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every waitlisted request of the team, exactly once, in the new order (first = next in line).',
  })
  @IsArray({ message: 'requestIds must be a list of request ids' })
  @ArrayMaxSize(1000, { message: 'requestIds may name at most 1000 requests' })
  @IsUUID('all', { each: true, message: 'each requestId must be a request id (UUID)' })
  requestIds!: string[];
}
