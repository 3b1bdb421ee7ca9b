import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  Roles,
  UuidParamPipe,
} from '@stint/api-core';
import type { Blackout, BlackoutCreated, Page } from '@stint/contracts';
import { BlackoutsService } from './blackouts.service';
import { BlackoutCreatedDto, BlackoutDto, BlackoutQueryDto, CreateBlackoutDto } from './dto/blackout.dto';

@ApiTags('blackouts')
@ApiBearerAuth()
@Controller('blackouts')
export class BlackoutsController {
  constructor(private readonly blackouts: BlackoutsService) {}

  @Get()
  @ApiOperation({ summary: "Blackouts; with teamId, that team's and the global ones." })
  @ApiPageResponse(BlackoutDto)
  @ApiErrorResponses(400, 401)
  list(@Query() query: BlackoutQueryDto): Promise<Page<Blackout>> {
    return this.blackouts.list(query.teamId, pageWindow(query));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Add a blackout (admin); placements it overlaps are listed as affectedPlacements, never cancelled.',
  })
  @ApiCreatedResponse({ type: BlackoutCreatedDto })
  @ApiErrorResponses(400, 401, 403, 404)
  create(@CurrentUser() caller: AuthenticatedUser, @Body() body: CreateBlackoutDto): Promise<BlackoutCreated> {
    return this.blackouts.create(caller, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(401, 403, 404)
  async remove(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('blackout')) id: string,
  ): Promise<void> {
    await this.blackouts.remove(caller, id);
  }
}
