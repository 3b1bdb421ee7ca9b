import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiError,
  ApiErrorResponses,
  AuthenticatedUser,
  Clock,
  CurrentUser,
  FiguresCache,
  PreparedJson,
  PreparedJsonInterceptor,
} from '@stint/api-core';
import { TIMELINE_MAX_DAYS, TIMELINE_MAX_ITEMS, type TimelineWindow } from '@stint/contracts';
import { diffDays } from '@stint/shared-dates';
import { DataSource } from 'typeorm';
import { TimelineQueryDto, TimelineWindowDto } from './timeline.dto';
import { timelineBars, timelineBlackouts, timelineGhosts } from './timeline.queries';

@ApiTags('placements')
@ApiBearerAuth()
@Controller('timeline')
export class TimelineController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly figures: FiguresCache,
  ) {}

  @Get()
  @UseInterceptors(PreparedJsonInterceptor)
  @ApiOperation({
    summary:
      'Everything the timeline draws for one window, in one answer: the placements the caller sees, the requests not yet booked, and the blackouts that touch it.',
  })
  @ApiOkResponse({ type: TimelineWindowDto })
  @ApiErrorResponses(400, 401)
  window(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() q: TimelineQueryDto,
  ): Promise<PreparedJson<TimelineWindow>> {
    if (q.to < q.from) throw ApiError.validation({ to: 'to must be on or after from' });
    if (diffDays(q.from, q.to) >= TIMELINE_MAX_DAYS)
      throw ApiError.validation({ to: `the window may span at most ${TIMELINE_MAX_DAYS} days (53 weeks)` });
    const scope = { from: q.from, to: q.to, teamId: q.teamId ?? null };
    // Kept as JSON: an admin's window holds thousands of bars, which took longer to serialise than to look up.
    return this.figures.getJson(caller, `timeline:${JSON.stringify(scope)}`, () => this.compute(caller, scope));
  }

  private async compute(
    caller: AuthenticatedUser,
    scope: { from: string; to: string; teamId: string | null },
  ): Promise<TimelineWindow> {
    const m = this.db.manager;
    const [bars, ghosts, blackouts] = await Promise.all([
      timelineBars(m, caller, scope, this.clock.now()),
      timelineGhosts(m, caller, scope),
      timelineBlackouts(m, scope),
    ]);
    return {
      from: scope.from,
      to: scope.to,
      placements: bars.slice(0, TIMELINE_MAX_ITEMS),
      pendingRequests: ghosts.slice(0, TIMELINE_MAX_ITEMS),
      blackouts,
      truncated: bars.length > TIMELINE_MAX_ITEMS || ghosts.length > TIMELINE_MAX_ITEMS,
    };
  }
}
