import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CheckInResponseDto } from '@stint/api-booking';
import { CapacityWeekDto, StatsOverviewDto } from './dto/stats.dto';
import {
  ApiArrayResponse,
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  UuidParamPipe,
} from '@stint/api-core';
import type { CapacityWeek, CheckIn, Page, StatsOverview } from '@stint/contracts';
import { addDays } from '@stint/scheduling';
import { CheckInQueryDto, CompleteCheckInDto, FeedbackDto, StatsQueryDto } from './dto/check-in.dto';
import { CheckInsService } from './check-ins.service';
import { StatsService } from './stats.service';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @ApiOperation({
    summary: 'Check-ins the caller can see, by time; status derived when read (overdue after the policy’s hours).',
  })
  @ApiPageResponse(CheckInResponseDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() q: CheckInQueryDto): Promise<Page<CheckIn>> {
    return this.checkIns.list(
      caller,
      { placementId: q.placementId, status: q.status, from: q.from, to: q.to },
      pageWindow(q),
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: CheckInResponseDto })
  @ApiErrorResponses(401, 404)
  get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
  ): Promise<CheckIn> {
    return this.checkIns.get(caller, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'The PM files the reflection: ratings 1–5 and notes. Once; again → 409 INVALID_STATE.' })
  @ApiOkResponse({ type: CheckInResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  complete(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('check-in')) id: string,
    @Body() body: CompleteCheckInDto,
  ): Promise<CheckIn> {
    return this.checkIns.complete(caller, id, body.ratings, body.notes);
  }

  @Post(':id/feedback')
  @HttpCode(201)
  @ApiOperation({ summary: 'A manager who can see the check-in, or an admin, adds feedback.' })
  @ApiCreatedResponse({ type: CheckInResponseDto })
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

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Programme figures over what the caller can see (placements overlapping from..to).' })
  @ApiOkResponse({ type: StatsOverviewDto })
  @ApiErrorResponses(400, 401)
  overview(@CurrentUser() caller: AuthenticatedUser, @Query() q: StatsQueryDto): Promise<StatsOverview> {
    return this.stats.overview(caller, q.from, q.to);
  }

  @Get('capacity')
  @ApiOperation({
    summary: 'Per team and week: the most placements on any day (booked) beside capacity. Default: the next 12 weeks.',
  })
  @ApiArrayResponse(CapacityWeekDto)
  @ApiErrorResponses(400, 401)
  capacity(@CurrentUser() caller: AuthenticatedUser, @Query() q: StatsQueryDto): Promise<CapacityWeek[]> {
    const from = q.from ?? new Date().toISOString().slice(0, 10);
    return this.stats.capacity(caller, from, q.to ?? addDays(from, 83));
  }
}
