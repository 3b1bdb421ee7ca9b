import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@stint/contracts';

/** What a verified token tells about the caller, attached to the request by the guard. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: UserRole;
  managerId: string | null;
  timezone: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const request = ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>();
  return request.user;
});
