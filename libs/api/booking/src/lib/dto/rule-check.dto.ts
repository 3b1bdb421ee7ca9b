import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_RULE_CODES,
  BOOKING_RULES,
  type BookingRule,
  type BookingRuleCode,
  type RuleCheck,
  type RuleCheckAvailability,
  type RuleCheckResult,
} from '@stint/contracts';
import { AvailabilityDayDto, SlotResponseDto } from './responses.dto';

export class RuleCheckResultDto implements RuleCheckResult {
  @ApiProperty({ enum: BOOKING_RULES, example: 'capacity' }) rule!: BookingRule;
  @ApiProperty({
    enum: BOOKING_RULES.map((rule) => BOOKING_RULE_CODES[rule]),
    example: 'CAPACITY_FULL',
    description: 'The error approving answers when this rule fails.',
  })
  code!: BookingRuleCode;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ example: 'At most 1 of 2 places are booked on any day of these dates.' }) message!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { capacity: 2, peakBooked: 1, fullDays: [] },
    description:
      "The figures behind the verdict (team: teamId, active; duration: durationWeeks, minWeeks, maxWeeks; start: startDate, today; blackout: startDate, endDate, blackouts; pm_overlap: startDate, endDate, conflicts; capacity: capacity, peakBooked, fullDays). When the rule fails, also the error's details.",
  })
  details!: Record<string, unknown>;
}

export class RuleCheckAvailabilityDto implements RuleCheckAvailability {
  @ApiProperty({ example: 2 }) capacity!: number;
  @ApiProperty({ example: 1, description: 'Most placements booked on one day of the range (the request not counted).' })
  peakBooked!: number;
  @ApiProperty({ type: [String], example: [], description: 'Days on which one more placement exceeds capacity.' })
  fullDays!: string[];
  @ApiProperty({ type: [String], example: [], description: 'Days in a team or global blackout.' })
  blackoutDays!: string[];
  @ApiProperty({ type: [AvailabilityDayDto], description: 'One per day of the request’s range.' })
  days!: AvailabilityDayDto[];
}

export class RuleCheckDto implements RuleCheck {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-17' }) endDate!: string;
  @ApiProperty({ example: '2026-11-20', description: 'Today in the host team’s time zone.' }) today!: string;
  @ApiProperty({ description: 'Every rule passes: approving now would not fail on a rule.' }) ok!: boolean;
  @ApiProperty({ type: [RuleCheckResultDto], description: 'One per rule, in the order approving checks them.' })
  checks!: RuleCheckResultDto[];
  @ApiProperty({ type: RuleCheckAvailabilityDto }) availability!: RuleCheckAvailabilityDto;
  @ApiProperty({
    type: [SlotResponseDto],
    description: 'When a rule fails: the next free slots in the same team for this PM and duration (up to 3).',
  })
  suggestions!: SlotResponseDto[];
}
