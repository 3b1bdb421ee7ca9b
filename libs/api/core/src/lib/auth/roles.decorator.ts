import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@stint/contracts';

export const ROLES = 'stint:roles';

/** Only these roles may call the route; others get 403 FORBIDDEN. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
