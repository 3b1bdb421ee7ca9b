import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  Roles,
  UuidParamPipe,
} from '@stint/api-core';
import type { Page, Team } from '@stint/contracts';
import { CreateTeamDto, TeamDto, TeamQueryDto, UpdateTeamDto } from './dto/team.dto';
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
