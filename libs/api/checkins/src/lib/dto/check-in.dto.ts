import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckInResponseDto, IsCalendarDate, PageQueryDto } from '@stint/api-core';
import { CHECK_IN_STATUSES, GOAL_RESULTS, type CheckInStatus, type GoalResult } from '@stint/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

const RATINGS_EXAMPLE = { negotiation: 3, closing: 2, persistence: 4 };
const RATINGS_HELP =
  'One whole number from 1 to 5 per skill of the policy (GET /api/policy → skills): the core negotiation, closing and persistence, and any an admin added.';

/**
 * A check-in as the check-in routes answer it: the shared shape (api-core's CheckInResponseDto) and the names of
 * its placement's PM and team. A placement's embedded check-ins carry the same two names, but their schema is the
 * shared DTO, which does not list them yet.
 */
export class CheckInWithNamesDto extends CheckInResponseDto {
  @ApiProperty({ description: 'Extension: the PM’s name.', example: 'Ana Lima' }) pmName!: string;
  @ApiProperty({ description: 'Extension: the name of the team the PM rotates into.', example: 'NA SMB' })
  teamName!: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A rating per policy skill: the shape is checked here, the skills against the policy by the service. */
function RatingsProperty(lead?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
      example: RATINGS_EXAMPLE,
      description: lead ? `${lead} ${RATINGS_HELP}` : RATINGS_HELP,
    }),
    IsDefined({ message: 'ratings is required: {negotiation, closing, persistence, …}, each 1–5' }),
    IsObject({ message: 'ratings must be an object: {negotiation, closing, persistence, …}, each 1–5' }),
  );
}

/** Free text up to 10,000 characters, trimmed. */
function LongTextProperty(field: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example }),
    Transform(trimmed),
    IsString({ message: `${field} must be a string` }),
    MaxLength(10_000, { message: `${field} must be at most 10,000 characters` }),
  );
}

export class GoalOutcomeDto {
  @ApiProperty({ example: 'Run a discovery call on my own' }) goal!: string;
  @ApiProperty({ enum: GOAL_RESULTS }) result!: GoalResult;
}

export class CompleteCheckInDto {
  @RatingsProperty()
  ratings!: Record<string, number>;

  @LongTextProperty('notes', 'Sat in on two discovery calls; objection handling is harder than it looks.')
  notes!: string;

  @ApiPropertyOptional({
    type: [GoalOutcomeDto],
    description: 'On the final check-in only: each learning goal of the request, revisited (all of them, once each).',
  })
  @IsOptional()
  @IsArray({ message: 'goalOutcomes must be a list of {goal, result}' })
  @ArrayMaxSize(50, { message: 'goalOutcomes may hold at most 50 goals' })
  goalOutcomes?: GoalOutcomeDto[];
}

export class AssessmentDto {
  @RatingsProperty()
  ratings!: Record<string, number>;

  @LongTextProperty('notes', 'Ran two discovery calls alone by week 3; still rushes the close.')
  notes!: string;
}

export class PulseDto {
  @RatingsProperty('How well the PM applies each skill in their product work now.')
  ratings!: Record<string, number>;

  @ApiProperty({ description: 'Would you send another PM on a sales rotation?' })
  @IsDefined({ message: 'wouldSendAgain is required: true or false' })
  @IsBoolean({ message: 'wouldSendAgain must be true or false' })
  wouldSendAgain!: boolean;

  @LongTextProperty('comment', 'Pricing conversations with customers go much better since.')
  comment!: string;
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
