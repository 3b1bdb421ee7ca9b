import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, ApiError, Public } from '@stint/api-core';
import type { SignInOptions } from '@stint/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth.service';
import { readCookie, setSessionCookie } from '../session-cookie';
import { OidcClient } from './oidc-client';
import { OidcRefusal, OidcSignInService } from './oidc-sign-in.service';
import { OIDC_ATTEMPT_MS, OIDC_STATE_COOKIE, openAttempt, safeReturnPath, sealAttempt } from './oidc-state';

class OidcProviderDto {
  @ApiProperty({ example: 'Okta' }) name!: string;
  @ApiProperty({ example: '/api/auth/oidc/login' }) loginUrl!: string;
}

class SignInOptionsDto implements SignInOptions {
  @ApiProperty({ description: 'Whether email-and-password sign-in is offered (PASSWORD_LOGIN).' }) password!: boolean;
  @ApiPropertyOptional({ type: OidcProviderDto, nullable: true }) oidc!: OidcProviderDto | null;
}

/** The attempt cookie: sent back on the provider's top-level redirect (SameSite=Lax), only to the callback's path. */
function attemptCookie(config: AppConfig, value: string, maxAgeSeconds: number): string {
  const secure = config.appUrl.startsWith('https:') ? '; Secure' : '';
  return `${OIDC_STATE_COOKIE}=${value}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/**
 * Single sign-on: the sign-in page asks which ways in there are; the browser
 * goes to the provider through `/oidc/login` and comes back to `/oidc/callback`,
 * which sets the same session cookie as a password sign-in and lands on the
 * dashboard. Failures land on the sign-in page with a sentence to show.
 */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly client: OidcClient,
    private readonly signIn: OidcSignInService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('options')
  @ApiOperation({
    summary: 'The ways to sign in: password (unless PASSWORD_LOGIN=false) and the OIDC provider, if any.',
  })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptions {
    const oidc = this.config.oidc;
    return {
      password: this.config.passwordLogin,
      oidc: oidc ? { name: oidc.name, loginUrl: '/api/auth/oidc/login' } : null,
    };
  }

  @Public()
  @Get('oidc/login')
  @ApiOperation({
    summary: 'Starts single sign-on: 302 to the provider (state, nonce, PKCE S256); 404 when OIDC is not configured.',
    description: '`returnTo` is a dashboard path to land on afterwards (same site only; anything else lands on /).',
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.oidc) throw ApiError.notFound('sign-in provider', 'oidc');
    const { url, attempt } = await this.client.begin(safeReturnPath(returnTo), Date.now());
    void reply.header(
      'set-cookie',
      attemptCookie(this.config, sealAttempt(attempt, this.config.jwtSecret), OIDC_ATTEMPT_MS / 1000),
    );
    void reply.header('cache-control', 'no-store');
    await reply.redirect(url.href, 302);
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({
    summary:
      'Where the provider sends the browser back: checks the attempt, exchanges the code, signs the user in (session cookie) and redirects to the dashboard; on failure to /login?error=…',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.oidc) throw ApiError.notFound('sign-in provider', 'oidc');
    void reply.header('set-cookie', attemptCookie(this.config, '', 0));
    void reply.header('cache-control', 'no-store');
    const attempt = openAttempt(
      readCookie(request.headers.cookie, OIDC_STATE_COOKIE),
      this.config.jwtSecret,
      Date.now(),
    );
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      if (!attempt) throw new OidcRefusal('That sign-in took too long or did not start here; please sign in again.');
      const params = new URLSearchParams(query);
      if (params.get('error'))
        throw new OidcRefusal(
          `${this.config.oidc.name} did not sign you in (${params.get('error_description') ?? params.get('error')}).`,
        );
      const claims = await this.client.finish(query, attempt);
      const user = await this.signIn.userFor(claims);
      setSessionCookie(reply, this.config, await this.auth.issueToken(user));
      await reply.redirect(attempt.returnTo, 302);
    } catch (error) {
      const message =
        error instanceof OidcRefusal || error instanceof ApiError
          ? error.message
          : `Signing in with ${this.config.oidc.name} failed; please try again.`;
      if (!(error instanceof OidcRefusal)) this.logger.warn(`OIDC callback failed: ${(error as Error).message}`);
      await reply.redirect(`/login?error=${encodeURIComponent(message)}`, 302);
    }
  }
}
