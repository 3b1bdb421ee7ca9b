import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto } from '@stint/api-core';
import {
  REQUEST_STATUSES,
  type Approval,
  type RequestProposal,
  type RequestStatus,
  type RotationRequest,
} from '@stint/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class ApprovalDto implements Approval {
  @ApiProperty({ enum: ['manager', 'host'] }) step!: 'manager' | 'host';
  @ApiProperty({ enum: ['approved', 'rejected'] }) decision!: 'approved' | 'rejected';
  @ApiProperty({ format: 'uuid' }) byId!: string;
  @ApiProperty({ description: 'The name of the person who took the decision.', example: 'Maria Keller' })
  byName!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RequestProposalDto implements RequestProposal {
  @ApiProperty({ example: '2027-02-01' }) startDate!: string;
  @ApiProperty({ example: '2027-02-28', description: 'Same duration as the request.' }) endDate!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) proposedBy!: string | null;
  @ApiProperty({ example: 'Maria Keller' }) proposedByName!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
}

export class RotationRequestDto implements RotationRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pmId!: string;
  @ApiProperty({ description: 'Extension: the PM’s name' }) pmName!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ description: 'Extension: the team’s name' }) teamName!: string;
  @ApiProperty({ example: '2027-01-04' }) startDate!: string;
  @ApiProperty({ example: '2027-01-31' }) endDate!: string;
  @ApiProperty({ example: 4 }) durationWeeks!: number;
  @ApiProperty({ type: [String] }) goals!: string[];
  @ApiProperty() motivation!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ type: [ApprovalDto] }) approvals!: ApprovalDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) placementId!: string | null;
  @ApiProperty({ description: 'Asked for a full team on purpose, to join its waitlist once released.' })
  waitlistIfFull!: boolean;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "While waitlisted: the place in the team's waitlist (1 = next in line); otherwise null.",
  })
  waitlistPosition!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'While offered: when the held place is released if the PM has not accepted; otherwise null.',
  })
  offerExpiresAt!: string | null;
  @ApiProperty({
    type: RequestProposalDto,
    nullable: true,
    description:
      "The host's open counter-proposal (only while pending_host): the PM accepts or declines it; null when none is open.",
  })
  proposal!: RequestProposalDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'teamId must be a team id (UUID)' }) teamId!: string;
  @ApiProperty({ example: '2027-01-04' }) @IsCalendarDate() startDate!: string;

  @ApiProperty({ example: 4, description: 'Whole weeks within the policy (default 1–12).' })
  @IsInt({ message: 'durationWeeks must be a whole number of weeks' })
  @Min(1, { message: 'durationWeeks must be at least 1' })
  @Max(52, { message: 'durationWeeks must be at most 52' })
  durationWeeks!: number;

  @ApiProperty({ type: [String], example: ['negotiation', 'closing'] })
  @Transform(trimAll)
  @IsArray({ message: 'goals must be a list of strings' })
  @ArrayMaxSize(20, { message: 'goals may hold at most 20 entries' })
  @IsString({ each: true, message: 'each goal must be a string' })
  @MinLength(1, { each: true, message: 'a goal must not be empty' })
  @MaxLength(200, { each: true, message: 'a goal must be at most 200 characters' })
  goals!: string[];

  @ApiPropertyOptional({ example: 'I want to hear objections first-hand.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'motivation must be a string' })
  @MaxLength(2000, { message: 'motivation must be at most 2000 characters' })
  motivation?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only admins and line managers acting for one of their PMs.' })
  @IsOptional()
  @IsUUID('all', { message: 'pmId must be a user id (UUID)' })
  pmId?: string;

  @ApiPropertyOptional({
    description:
      "Ask even though the team is full on these dates (every other rule still applies): once released, the host can put it on the team's waitlist.",
  })
  @IsOptional()
  @IsBoolean({ message: 'waitlistIfFull must be true or false' })
  waitlistIfFull?: boolean;
}

export class UpdateRequestDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id (UUID)' })
  teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() startDate?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'durationWeeks must be a whole number of weeks' })
  @Min(1, { message: 'durationWeeks must be at least 1' })
  @Max(52, { message: 'durationWeeks must be at most 52' })
  durationWeeks?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: 'goals must be a list of strings' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'each goal must be a string' })
  @MinLength(1, { each: true, message: 'a goal must not be empty' })
  @MaxLength(200, { each: true })
  goals?: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) motivation?: string;
}

const STEPS = ['manager', 'host'] as const;
const STEP_DOC =
  "The step this decision is for: `manager` (the line manager releases the PM) or `host` (the host team's manager agrees, which books). A step that is not the current one is 409 INVALID_STATE, so a repeated click has no second effect. Without it the caller decides the current step, except that, to approve, a caller who holds both keys (an admin, or the PM's line manager who also manages the team) must send `host` to take the host step.";

export class DecisionDto {
  @ApiPropertyOptional({ enum: STEPS, description: STEP_DOC })
  @IsOptional()
  @IsIn(STEPS, { message: 'step must be manager or host' })
  step?: 'manager' | 'host';

  @ApiPropertyOptional({ example: 'Enjoy the stint.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'comment must be a string' })
  @MaxLength(2000)
  comment?: string;
}

export class RejectDto {
  @ApiPropertyOptional({ enum: STEPS, description: STEP_DOC })
  @IsOptional()
  @IsIn(STEPS, { message: 'step must be manager or host' })
  step?: 'manager' | 'host';

  @ApiProperty({ example: 'Q4 launch needs you here.' })
  @Transform(trim)
  @IsString({ message: 'comment must be a string' })
  @MinLength(1, { message: 'comment is required: say why the request is rejected' })
  @MaxLength(2000)
  comment!: string;
}

export class ProposeDto {
  @ApiProperty({ example: '2027-02-01', description: 'The start proposed instead; the duration stays the same.' })
  @IsCalendarDate()
  startDate!: string;
}

export class RequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pmId must be a UUID' })
  pmId?: string;
  @ApiPropertyOptional({
    description: 'true: only requests waiting for the caller’s decision.',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'awaitingMe must be true or false' })
  awaitingMe?: 'true' | 'false';
}
