import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@stint/contracts';

/** What a verified token tells about the caller, attached to the request by the guard. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: UserRole;
  managerId: string | null;
  timezone: string;
  /** The token version the request's token carries; "sign out everywhere" ends exactly this one. */
  tokenVersion?: number;
  /** `figures_version` as read with the caller at the start of the request (FiguresCache), when the guard read it. */
  figuresVersion?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const request = ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>();
  return request.user;
});
