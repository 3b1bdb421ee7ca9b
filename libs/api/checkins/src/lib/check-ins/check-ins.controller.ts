import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  UuidParamPipe,
} from '@stint/api-core';
import type { CheckIn, Page } from '@stint/contracts';
import {
  AssessmentDto,
  CheckInQueryDto,
  CheckInWithNamesDto,
  CompleteCheckInDto,
  FeedbackDto,
  PulseDto,
} from '../dto/check-in.dto';
import { CheckInsService } from './check-ins.service';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @ApiOperation({
    summary: 'Check-ins the caller can see, by time; status derived when read (overdue after the policy’s hours).',
  })
  @ApiPageResponse(CheckInWithNamesDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() q: CheckInQueryDto): Promise<Page<CheckIn>> {
    return this.checkIns.list(
      caller,
      { placementId: q.placementId, status: q.status, from: q.from, to: q.to },
      pageWindow(q),
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: CheckInWithNamesDto })
  @ApiErrorResponses(401, 404)
  get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
  ): Promise<CheckIn> {
    return this.checkIns.get(caller, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The PM files the reflection: a rating 1–5 per policy skill and notes; at the final, the learning goals revisited. Once; again → 409 INVALID_STATE. A pulse → 403 (the line manager’s).',
  })
  @ApiOkResponse({ type: CheckInWithNamesDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  complete(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
    @Body() body: CompleteCheckInDto,
  ): Promise<CheckIn> {
    return this.checkIns.complete(caller, id, body);
  }

  @Post(':id/assessment')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'The host manager’s assessment at the final check-in (from its day): a rating 1–5 per policy skill and notes. Host only, final only, once (again → 409).',
  })
  @ApiCreatedResponse({ type: CheckInWithNamesDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  assess(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
    @Body() body: AssessmentDto,
  ): Promise<CheckIn> {
    return this.checkIns.assess(caller, id, body);
  }

  @Post(':id/pulse')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The line manager’s pulse after return (a `pulse` check-in, from its day): how well the PM applies each skill (1–5), would they send another PM, a comment. Line manager only, once.',
  })
  @ApiOkResponse({ type: CheckInWithNamesDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  pulse(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
    @Body() body: PulseDto,
  ): Promise<CheckIn> {
    return this.checkIns.pulse(caller, id, body);
  }

  @Post(':id/feedback')
  @HttpCode(201)
  @ApiOperation({ summary: 'A manager who can see the check-in, or an admin, adds feedback.' })
  @ApiCreatedResponse({ type: CheckInWithNamesDto })
  @ApiErrorResponses(400, 401, 403, 404)
  feedback(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
    @Body() body: FeedbackDto,
  ): Promise<CheckIn> {
    return this.checkIns.addFeedback(caller, id, body.text);
  }

  @Get(':id/calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="check-in.ics"')
  @ApiProduces('text/calendar')
  @ApiErrorResponses(401, 404)
  calendar(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
  ): Promise<string> {
    return this.checkIns.calendar(caller, id);
  }
}
