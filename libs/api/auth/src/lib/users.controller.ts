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
import type { Page, User } from '@stint/contracts';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user-input.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users the caller may see: admin all; manager self and direct reports; pm self.' })
  @ApiPageResponse(UserDto)
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: UserQueryDto): Promise<Page<User>> {
    return this.users.list(caller, { role: query.role, q: query.q }, pageWindow(query));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (admin). A pm needs the managerId of a manager.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@CurrentUser() caller: AuthenticatedUser, @Body() body: CreateUserDto): Promise<User> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a user (admin): any field, plus active.' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('user')) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(caller, id, body);
  }
}
