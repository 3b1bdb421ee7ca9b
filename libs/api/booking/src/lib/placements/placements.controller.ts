import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  UuidParamPipe,
} from '@stint/api-core';
import type { Page, Placement, PlacementListItem } from '@stint/contracts';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CancelDto, ExportQueryDto, PlacementQueryDto, RescheduleDto } from '../dto/placement.dto';
import { PlacementResponseDto } from '../dto/responses.dto';
import { PlacementMovesService } from './placement-moves.service';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@ApiBearerAuth()
@Controller()
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly moves: PlacementMovesService,
  ) {}

  @Get('placements')
  @ApiOperation({ summary: 'Placements the caller can see; status is derived when read, by the team’s calendar.' })
  @ApiPageResponse(PlacementResponseDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() q: PlacementQueryDto): Promise<Page<PlacementListItem>> {
    return this.placements.list(
      caller,
      { teamId: q.teamId, pmId: q.pmId, status: q.status, from: q.from, to: q.to },
      pageWindow(q),
      { checkIns: q.include === 'checkIns' },
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
    return this.moves.reschedule(caller, id, body.startDate, body.durationWeeks);
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
    return this.moves.cancel(caller, id, body.reason);
  }
}
