import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiArrayResponse,
  ApiError,
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  UuidParamPipe,
} from '@stint/api-core';
import { AvailabilityDayDto, PlacementResponseDto, SlotResponseDto } from './dto/responses.dto';
import type { AvailabilityDay, Page, Placement, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { diffDays } from '@stint/scheduling';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import {
  AvailabilityQueryDto,
  CancelDto,
  ExportQueryDto,
  PlacementQueryDto,
  RescheduleDto,
  SlotQueryDto,
} from './dto/placement.dto';
import {
  CreateRequestDto,
  DecisionDto,
  RejectDto,
  RequestQueryDto,
  RotationRequestDto,
  UpdateRequestDto,
} from './dto/request.dto';
import { PlacementsService } from './placements.service';
import { RequestsService } from './requests.service';
import { SlotsService } from './slots.service';

@ApiTags('rotation requests')
@ApiBearerAuth()
@Controller('rotation-requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ApiOperation({ summary: "PM: own; manager: their reports' and their teams'; admin: all. Newest first." })
  @ApiPageResponse(RotationRequestDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() q: RequestQueryDto): Promise<Page<RotationRequest>> {
    return this.requests.list(
      caller,
      { status: q.status, teamId: q.teamId, pmId: q.pmId, awaitingMe: q.awaitingMe === 'true' },
      pageWindow(q),
    );
  }

  @Post()
  @ApiOperation({ summary: 'Request a rotation; every rule is checked at once. Starts pending_manager.' })
  @ApiCreatedResponse({ type: RotationRequestDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  create(@CurrentUser() caller: AuthenticatedUser, @Body() body: CreateRequestDto): Promise<RotationRequest> {
    return this.requests.create(caller, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 404)
  get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.requests.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'The PM edits a pending request; a new team, start or duration sends it back to pending_manager.',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RotationRequest> {
    return this.requests.update(caller, id, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Line manager releases (step manager → pending_host); host manager agrees (step host), which books it (→ booked), or 409 CAPACITY_FULL with suggestions. A repeat of a decided step is 409 INVALID_STATE.',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  approve(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
    @Body() body: DecisionDto,
  ): Promise<RotationRequest> {
    return this.requests.approve(caller, id, body.comment ?? '', body.step);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'The approver it waits on rejects, with a comment.' })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  reject(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
    @Body() body: RejectDto,
  ): Promise<RotationRequest> {
    return this.requests.reject(caller, id, body.comment, body.step);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The PM withdraws a pending request.' })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409)
  withdraw(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.requests.withdraw(caller, id);
  }
}

@ApiTags('placements')
@ApiBearerAuth()
@Controller()
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get('placements')
  @ApiOperation({ summary: 'Placements the caller can see; status is derived when read, by the team’s calendar.' })
  @ApiPageResponse(PlacementResponseDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() q: PlacementQueryDto): Promise<Page<Placement>> {
    return this.placements.list(
      caller,
      { teamId: q.teamId, pmId: q.pmId, status: q.status, from: q.from, to: q.to },
      pageWindow(q),
    );
  }

  @Get('placements.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'CSV export of the placements the caller can see (overlapping from..to).' })
  @ApiErrorResponses(400, 401)
  async csv(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() q: ExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="stint-placements${q.from ? `-${q.from}` : ''}${q.to ? `-${q.to}` : ''}.csv"`,
      )
      .send(Readable.from(this.placements.csv(caller, { from: q.from, to: q.to })));
  }

  @Get('placements/:id')
  @ApiOkResponse({ type: PlacementResponseDto })
  @ApiErrorResponses(401, 404)
  get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('placement')) id: string,
  ): Promise<Placement> {
    return this.placements.get(caller, id);
  }

  @Post('placements/:id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Team manager or admin moves a placement; rules re-checked excluding itself.' })
  @ApiOkResponse({ type: PlacementResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  reschedule(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('placement')) id: string,
    @Body() body: RescheduleDto,
  ): Promise<Placement> {
    return this.placements.reschedule(caller, id, body.startDate, body.durationWeeks);
  }

  @Post('placements/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Team manager or admin cancels a placement, with a reason.' })
  @ApiOkResponse({ type: PlacementResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  cancel(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('placement')) id: string,
    @Body() body: CancelDto,
  ): Promise<Placement> {
    return this.placements.cancel(caller, id, body.reason);
  }
}

@ApiTags('slots')
@ApiBearerAuth()
@Controller()
export class SlotsController {
  constructor(
    private readonly slots: SlotsService,
    private readonly requests: RequestsService,
  ) {}

  @Get('slots')
  @ApiOperation({
    summary:
      'Earliest feasible slots per team for the PM (default: the caller), earliest first, at most `limit` per team.',
  })
  @ApiArrayResponse(SlotResponseDto)
  @ApiErrorResponses(400, 401, 404)
  async search(@CurrentUser() caller: AuthenticatedUser, @Query() q: SlotQueryDto): Promise<SlotSuggestion[]> {
    if (q.latestEnd < q.earliestStart)
      throw ApiError.validation({ latestEnd: 'latestEnd must be on or after earliestStart' });
    if (diffDays(q.earliestStart, q.latestEnd) > 731)
      throw ApiError.validation({ latestEnd: 'the window may span at most 2 years' });
    const pmId = q.pmId ?? caller.id;
    if (pmId !== caller.id) await this.requests.assertCanPlanFor(caller, pmId);
    return this.slots.search({
      durationWeeks: q.durationWeeks,
      earliestStart: q.earliestStart,
      latestEnd: q.latestEnd,
      teamIds: q.teamId,
      pmId,
      limit: q.limit ?? 1,
    });
  }

  @Get('teams/:id/availability')
  @ApiOperation({
    summary: 'Per day: booked placements, capacity and whether it is a blackout day (range ≤ 366 days).',
  })
  @ApiArrayResponse(AvailabilityDayDto)
  @ApiErrorResponses(400, 401, 404)
  availability(
    @Param('id', new UuidParamPipe('team')) id: string,
    @Query() q: AvailabilityQueryDto,
  ): Promise<AvailabilityDay[]> {
    return this.slots.availability(id, q.from, q.to);
  }
}
