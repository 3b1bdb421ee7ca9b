import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiArrayResponse,
  ApiErrorResponses,
  AuthenticatedUser,
  CurrentUser,
  PreparedJson,
  PreparedJsonInterceptor,
} from '@stint/api-core';
import type { CapacityWeek, StatsOverview } from '@stint/contracts';
import { addDays } from '@stint/shared-dates';
import { CapacityQueryDto, CapacityWeekDto, StatsOverviewDto, StatsQueryDto } from './dto/stats.dto';
import { StatsService } from './stats.service';

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
  @UseInterceptors(PreparedJsonInterceptor)
  @ApiOperation({
    summary: 'Per team and week: the most placements on any day (booked) beside capacity. Default: the next 12 weeks.',
  })
  @ApiArrayResponse(CapacityWeekDto)
  @ApiErrorResponses(400, 401)
  capacity(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() q: CapacityQueryDto,
  ): Promise<PreparedJson<CapacityWeek[]>> {
    const from = q.from ?? new Date().toISOString().slice(0, 10);
    return this.stats.capacity(caller, from, q.to ?? addDays(from, 83), q.scope ?? 'mine');
  }
}
