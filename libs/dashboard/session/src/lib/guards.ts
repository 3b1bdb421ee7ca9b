import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { UserRole } from '@stint/contracts';
import { SessionService } from './session.service';

/** Lets a signed-in user through; others go to login and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionService);
  if (session.signedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets only the given roles through; others land on the home page. */
export function roleGuard(...roles: UserRole[]): CanActivateFn {
  return () => {
    const session = inject(SessionService);
    return session.hasRole(...roles) ? true : inject(Router).createUrlTree(['/']);
  };
}
