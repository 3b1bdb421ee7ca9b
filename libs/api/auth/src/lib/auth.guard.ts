import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  ApiError,
  asQuery,
  AuthenticatedUser,
  FIGURES_VERSION_SELECT,
  figuresVersionOf,
  FiguresVersionRow,
  IS_PUBLIC,
  namedStatement,
  ROLES,
} from '@stint/api-core';
import type { UserRole } from '@stint/contracts';
import { Repository } from 'typeorm';

import { clearSessionCookie, CSRF_MESSAGE, passesCsrfCheck, sessionCookieFrom } from './session-cookie';
import { UserEntity } from './user.entity';

interface TokenClaims {
  sub: string;
  /** The user's token version when the token was signed; tokens from before versions existed have none (= 0). */
  ver?: number;
}

interface GuardedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

interface GuardedReply {
  header(name: string, value: string): unknown;
}

/** The caller with the figures version: every authenticated request's first statement (named: parsed once). */
const CALLER = namedStatement(
  `SELECT u.id, u.email, u.role, u.manager_id, u.timezone, u.active, u.token_version, f.v, f.called
     FROM users u CROSS JOIN (${FIGURES_VERSION_SELECT}) f WHERE u.id = $1`,
);

/** The caller's row as the guard reads it. */
interface CallerRow extends FiguresVersionRow {
  id: string;
  email: string;
  role: UserRole;
  manager_id: string | null;
  timezone: string;
  active: boolean;
  token_version: number;
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended; sign in again.';

/**
 * Global guard: every route needs a valid token unless marked @Public(), sent
 * as `Authorization: Bearer <token>` (API clients) or in the httpOnly
 * `stint_session` cookie (the dashboard). Cookie-authenticated requests with
 * an unsafe method must also send `X-Stint-CSRF: 1`.
 * The user is re-read on each request so a deactivated user or a changed role
 * takes effect at once, not when the token expires; a token whose `ver` is not
 * the user's current token version (bumped by a password or role change, a
 * deactivation, or "sign out everywhere") has ended.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<GuardedRequest>();
    const header = request.headers['authorization'];
    let token: string | null;
    let viaCookie = false;
    if (header !== undefined) {
      // A bearer header decides, exactly as before cookies existed.
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      token = match?.[1] ?? null;
    } else {
      token = sessionCookieFrom(request.headers);
      viaCookie = token !== null;
    }
    if (!token) throw ApiError.unauthorized();

    try {
      const user = await this.authenticate(token);
      if (viaCookie && !passesCsrfCheck(request.method, request.headers)) throw ApiError.forbidden(CSRF_MESSAGE);
      request.user = user;

      const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
      if (roles && !roles.includes(user.role)) {
        throw ApiError.forbidden(`Only ${roles.join(' or ')} users may do this.`);
      }
      return true;
    } catch (error) {
      // A dead cookie is dropped, so the browser stops sending it.
      if (viaCookie && error instanceof ApiError && error.statusCode === 401) {
        clearSessionCookie(http.getResponse<GuardedReply>(), this.config);
      }
      throw error;
    }
  }

  private async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw ApiError.unauthorized(
        expired ? 'Your session has expired; sign in again.' : 'The access token is not valid; sign in again.',
      );
    }
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub))
      throw ApiError.unauthorized('The access token is not valid; sign in again.');
    const version = claims.ver ?? 0;
    if (!Number.isSafeInteger(version)) throw ApiError.unauthorized('The access token is not valid; sign in again.');

    // The figures cache's version comes in the same round trip (FiguresCache uses it for this request's answers).
    const rows: CallerRow[] = await this.users.query(asQuery(CALLER), [claims.sub]);
    const user = rows[0];
    if (!user || !user.active) throw ApiError.unauthorized('This account is not active; ask an admin.');
    if (user.token_version !== version) throw ApiError.unauthorized(SESSION_ENDED_MESSAGE);
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      managerId: user.manager_id,
      timezone: user.timezone,
      tokenVersion: user.token_version,
      figuresVersion: figuresVersionOf(user),
    };
  }
}
