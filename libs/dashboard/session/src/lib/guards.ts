import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { UserRole } from '@stint/contracts';
import { SessionService } from './session.service';

/** Lets a signed-in user through (restoring the cookie session first); others go to login and come back afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  await session.restore();
  if (session.signedIn()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets only the given roles through; others land on the home page. */
export function roleGuard(...roles: UserRole[]): CanActivateFn {
  return () => {
    const session = inject(SessionService);
    return session.hasRole(...roles) ? true : inject(Router).createUrlTree(['/']);
  };
}
