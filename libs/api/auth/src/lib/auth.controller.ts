import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  APP_CONFIG,
  AppConfig,
  ApiError,
  ApiErrorResponses,
  AuthenticatedUser,
  CurrentUser,
  Public,
} from '@stint/api-core';
import type { LoginResponse, User } from '@stint/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';
import {
  clearSessionCookie,
  CSRF_MESSAGE,
  passesCsrfCheck,
  sessionCookieFrom,
  setSessionCookie,
} from './session-cookie';
import { UsersService } from './users.service';

import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, UserDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/user-input.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange email and password for a bearer token; also sets the httpOnly session cookie stint_session (Path=/api, SameSite=Strict).',
    description:
      'Failed sign-ins are limited per client address and account, and per client address overall, with growing waits; ' +
      'a refused attempt is 429 RATE_LIMITED with a Retry-After header (seconds) and details.retryAfterSeconds.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(400, 401, 429)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    try {
      const result = await this.auth.login(body.email, body.password, request.ip);
      setSessionCookie(reply, this.config, result.accessToken);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 429) {
        void reply.header('retry-after', String(error.details['retryAfterSeconds']));
      }
      throw error;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    summary: "End this browser's cookie session: clears the stint_session cookie.",
    description:
      'Needs no valid token, so an expired cookie can be cleared too; when the cookie is sent, so must be the header "X-Stint-CSRF: 1". ' +
      'The token itself lives until it expires; to end every token of the account use POST /api/auth/logout-all.',
  })
  @ApiNoContentResponse({ description: 'Signed out; the response clears the session cookie.' })
  @ApiErrorResponses(403)
  logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    if (sessionCookieFrom(request.headers) !== null && !passesCsrfCheck(request.method, request.headers)) {
      throw ApiError.forbidden(CSRF_MESSAGE);
    }
    clearSessionCookie(reply, this.config);
  }

  @Post('auth/logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out everywhere: every token issued to the caller until now, this one included, ends.',
    description:
      'Bumps the account\'s token version; earlier tokens then get 401 UNAUTHORIZED "Your session has ended; sign in again." ' +
      'A password change, a role change and a deactivation do the same. The response also clears the session cookie.',
  })
  @ApiNoContentResponse({ description: 'Every earlier session of the caller has ended.' })
  @ApiErrorResponses(401, 403)
  async logoutAll(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.users.endSessions(user.id, user.tokenVersion);
    clearSessionCookie(reply, this.config);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Change your own name, time zone (IANA) or locale (BCP 47, null for the browser's). Only these fields; anything else is 400.",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 401)
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<User> {
    const changes: UpdateProfileDto = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.timezone !== undefined) changes.timezone = body.timezone;
    if (body.locale !== undefined) changes.locale = body.locale;
    return this.users.update(user, user.id, changes);
  }
}
