import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionService } from './session.service';

/** Sent on every API call: the API requires it for cookie-authenticated POST/PUT/PATCH/DELETE (CSRF defence). */
export const CSRF_HEADER = 'X-Stint-CSRF';

function isApiUrl(url: string): boolean {
  return /^\/api(?:[/?#]|$)/.test(url);
}

/**
 * API calls go with the session cookie (withCredentials) and `X-Stint-CSRF: 1`;
 * no token is ever attached by script. Calls elsewhere go untouched. A 401 on
 * any call but login ends the session.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const session = inject(SessionService);
  const router = inject(Router);
  const isLogin = request.url === '/api/auth/login';
  return next(request.clone({ withCredentials: true, setHeaders: { [CSRF_HEADER]: '1' } })).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isLogin) {
        const message = (error.error as { message?: unknown } | null)?.message;
        session.expire(router.url, typeof message === 'string' ? message : undefined);
      }
      return throwError(() => error);
    }),
  );
};
