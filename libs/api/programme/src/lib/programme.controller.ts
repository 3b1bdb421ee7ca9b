import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  Roles,
  UuidParamPipe,
} from '@stint/api-core';
import type { Blackout, BlackoutCreated, Page, ProgrammePolicy, Team } from '@stint/contracts';
import { BlackoutsService } from './blackouts.service';
import { BlackoutCreatedDto, BlackoutDto, BlackoutQueryDto, CreateBlackoutDto } from './dto/blackout.dto';
import { PolicyDto, UpdatePolicyDto } from './dto/policy.dto';
import { CreateTeamDto, TeamDto, TeamQueryDto, UpdateTeamDto } from './dto/team.dto';
import { PolicyService } from './policy.service';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOperation({ summary: 'Sales teams (everyone signed in may list them).' })
  @ApiPageResponse(TeamDto)
  @ApiErrorResponses(400, 401)
  list(@Query() query: TeamQueryDto): Promise<Page<Team>> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    return this.teams.list({ active, q: query.q, managerId: query.managerId }, pageWindow(query));
  }

  @Get(':id')
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', new UuidParamPipe('team')) id: string): Promise<Team> {
    return this.teams.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a sales team (admin).' })
  @ApiCreatedResponse({ type: TeamDto })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@CurrentUser() caller: AuthenticatedUser, @Body() body: CreateTeamDto): Promise<Team> {
    return this.teams.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a team (admin); lowering capacity below what is booked is refused.' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('team')) id: string,
    @Body() body: UpdateTeamDto,
  ): Promise<Team> {
    return this.teams.update(caller, id, body);
  }
}

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

@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @ApiOkResponse({ type: PolicyDto })
  @ApiErrorResponses(401)
  get(): Promise<ProgrammePolicy> {
    return this.policy.get();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Change the programme policy (admin), any subset of fields; min ≤ max is checked on the result.',
  })
  @ApiOkResponse({ type: PolicyDto })
  @ApiErrorResponses(400, 401, 403)
  update(@CurrentUser() caller: AuthenticatedUser, @Body() body: UpdatePolicyDto): Promise<ProgrammePolicy> {
    return this.policy.update(caller, body);
  }
}
