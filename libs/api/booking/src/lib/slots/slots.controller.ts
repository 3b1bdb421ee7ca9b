import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiArrayResponse,
  ApiError,
  ApiErrorResponses,
  AuthenticatedUser,
  CurrentUser,
  UuidParamPipe,
} from '@stint/api-core';
import type { AvailabilityDay, SlotSuggestion } from '@stint/contracts';
import { diffDays } from '@stint/shared-dates';
import { AvailabilityQueryDto, SlotQueryDto } from '../dto/placement.dto';
import { AvailabilityDayDto, SlotResponseDto } from '../dto/responses.dto';
import { RequestsService } from '../requests/requests.service';
import { SlotsService } from './slots.service';

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
