import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, AuthenticatedUser, CurrentUser, Public } from '@stint/api-core';
import type { LoginResponse, User } from '@stint/contracts';
import { AuthService } from './auth.service';

import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, UserDto } from './dto/user.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token.' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(400, 401, 429)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.auth.me(user.id);
  }
}
