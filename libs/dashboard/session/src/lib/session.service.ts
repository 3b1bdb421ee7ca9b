import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse, User, UserRole } from '@stint/contracts';
import { firstValueFrom } from 'rxjs';

/** Where earlier versions kept the bearer token; removed on start so no token lingers for page scripts. */
const LEGACY_STORAGE_KEY = 'stint.session';

const EXPIRED_NOTICE = 'Your session has expired. Sign in again to continue.';

/** The API's 401 sentence when it is about the session (expired, ended), else null. */
function sessionMessage(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 401) return null;
  const message = (error.error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /session/i.test(message) ? message : null;
}

/**
 * The signed-in user, kept in memory only. The credential is the API's
 * httpOnly `stint_session` cookie, which page scripts cannot read; on start
 * the session is restored by asking the API who that cookie belongs to.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly state = signal<User | null>(null);
  private restoring: Promise<void> | null = null;

  readonly user = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  /** Shown on the login page after a forced sign-out (expired or ended session). */
  readonly notice = signal<string | null>(null);

  constructor() {
    try {
      globalThis.localStorage?.removeItem(LEGACY_STORAGE_KEY);
    } catch {
      // Storage unavailable: nothing to clean up.
    }
  }

  hasRole(...roles: UserRole[]): boolean {
    const user = this.user();
    return user !== null && roles.includes(user.role);
  }

  /**
   * Restores the session from the cookie (GET /api/me) once per page load;
   * every later call shares that answer. Without a valid cookie the user is
   * simply signed out, with a notice when the API says the session ended.
   */
  restore(): Promise<void> {
    this.restoring ??= this.loadMe();
    return this.restoring;
  }

  /** Signs in: the API sets the session cookie; only the user (never the token) is kept. */
  async login(email: string, password: string): Promise<User> {
    const response = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { email, password }));
    this.state.set(response.user);
    this.restoring = Promise.resolve();
    this.notice.set(null);
    return response.user;
  }

  /** Re-reads the user (role or name may have changed since sign-in). */
  async refresh(): Promise<void> {
    if (!this.signedIn()) return;
    const user = await firstValueFrom(this.http.get<User>('/api/me'));
    this.state.set(user);
  }

  /** Ends this browser's session: the API clears the cookie. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', null));
    } catch {
      // Signed out here regardless; the cookie ends with its token at the latest.
    }
    this.state.set(null);
    this.restoring = Promise.resolve();
    await this.router.navigate(['/login']);
  }

  /** Called on a 401: back to login with a message, then back to where the user was. */
  expire(returnUrl: string, reason?: string): void {
    if (!this.state()) return;
    this.state.set(null);
    this.notice.set(reason && /session/i.test(reason) ? reason : EXPIRED_NOTICE);
    void this.router.navigate(['/login'], { queryParams: { returnUrl } });
  }

  private async loadMe(): Promise<void> {
    try {
      this.state.set(await firstValueFrom(this.http.get<User>('/api/me')));
    } catch (error) {
      this.state.set(null);
      const message = sessionMessage(error);
      if (message) this.notice.set(message);
    }
  }
}
