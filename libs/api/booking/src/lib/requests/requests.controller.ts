import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  UuidParamPipe,
} from '@stint/api-core';
import type { Page, RotationRequest, RuleCheck } from '@stint/contracts';
import {
  CreateRequestDto,
  DecisionDto,
  ProposeDto,
  RejectDto,
  RequestQueryDto,
  RotationRequestDto,
  UpdateRequestDto,
} from '../dto/request.dto';
import { RuleCheckDto } from '../dto/rule-check.dto';
import { RequestDecisionsService } from './request-decisions.service';
import { RequestProposalsService } from './request-proposals.service';
import { RequestsService } from './requests.service';
import { RuleCheckService } from './rule-check.service';

@ApiTags('rotation requests')
@ApiBearerAuth()
@Controller('rotation-requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly decisions: RequestDecisionsService,
    private readonly ruleCheck: RuleCheckService,
    private readonly proposals: RequestProposalsService,
  ) {}

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

  @Get(':id/rule-check')
  @ApiOperation({
    summary:
      "Every booking rule judged now on the request's dates, as approving would judge them (the request itself not counted): team active, duration within policy, start not past, no blackout, no overlap with the PM's other rotations, capacity free. Adds the team's load over those days and, when a rule fails, the next free slots.",
    description:
      'For whoever may see the request (404 otherwise); made for its approvers. Reads only: approving checks every rule again under the team lock. ' +
      "A failing rule's details are the details approving would answer with. The request's status is not judged here: only pending requests can be approved.",
  })
  @ApiOkResponse({ type: RuleCheckDto })
  @ApiErrorResponses(401, 404)
  checkRules(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RuleCheck> {
    return this.ruleCheck.check(caller, id);
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
    return this.decisions.approve(caller, id, body.comment ?? '', body.step);
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
    return this.decisions.reject(caller, id, body.comment, body.step);
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
    return this.decisions.withdraw(caller, id);
  }

  @Post(':id/propose')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The host team's manager (or an admin) proposes another start for a request waiting for them (pending_host), same duration; the PM is emailed. Every booking rule is checked on the new dates (a full team: 409 CAPACITY_FULL with suggestions). A new proposal replaces an open one.",
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  propose(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
    @Body() body: ProposeDto,
  ): Promise<RotationRequest> {
    return this.proposals.propose(caller, id, body.startDate);
  }

  @Post(':id/accept-proposal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The PM accepts the open proposal: the request moves to its dates (same duration) and keeps waiting for the host, the release standing; the host is emailed. The rules are checked again now (409 CAPACITY_FULL with suggestions if the team filled meanwhile). No open proposal: 409 INVALID_STATE.',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  acceptProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.proposals.accept(caller, id);
  }

  @Post(':id/decline-proposal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The PM declines the open proposal: the request keeps its dates and keeps waiting for the host; the host is emailed. No open proposal: 409 INVALID_STATE.',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409)
  declineProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.proposals.decline(caller, id);
  }
}
