import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiError, AuthenticatedUser, IS_PUBLIC, ROLES } from '@stint/api-core';
import type { UserRole } from '@stint/contracts';
import { Repository } from 'typeorm';


import { UserEntity } from './user.entity';

interface TokenClaims {
  sub: string;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public().
 * The user is re-read on each request so a deactivated user or a changed role
 * takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; user?: AuthenticatedUser }>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw ApiError.unauthorized();

    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw ApiError.unauthorized(expired ? 'Your session has expired; sign in again.' : 'The access token is not valid; sign in again.');
    }
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) throw ApiError.unauthorized('The access token is not valid; sign in again.');

    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active) throw ApiError.unauthorized('This account is not active; ask an admin.');
    request.user = { id: user.id, email: user.email, role: user.role, managerId: user.managerId, timezone: user.timezone };

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw ApiError.forbidden(`Only ${roles.join(' or ')} users may do this.`);
    }
    return true;
  }
}
