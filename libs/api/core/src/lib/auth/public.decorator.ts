import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'stint:isPublic';

/** Marks a route that needs no bearer token (login, health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
