import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse, User, UserRole } from '@stint/contracts';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'stint.session';

interface StoredSession {
  accessToken: string;
  user: User;
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

/** The signed-in user and their token, kept across reloads in localStorage. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly state = signal<StoredSession | null>(readStored());

  readonly user = computed(() => this.state()?.user ?? null);
  readonly token = computed(() => this.state()?.accessToken ?? null);
  readonly signedIn = computed(() => this.state() !== null);
  /** Shown on the login page after a forced sign-out (expired session). */
  readonly notice = signal<string | null>(null);

  hasRole(...roles: UserRole[]): boolean {
    const user = this.user();
    return user !== null && roles.includes(user.role);
  }

  async login(email: string, password: string): Promise<User> {
    const response = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { email, password }));
    this.store({ accessToken: response.accessToken, user: response.user });
    this.notice.set(null);
    return response.user;
  }

  /** Re-reads the user (role or name may have changed since the token was issued). */
  async refresh(): Promise<void> {
    const token = this.token();
    if (!token) return;
    const user = await firstValueFrom(this.http.get<User>('/api/me'));
    this.store({ accessToken: token, user });
  }

  logout(): void {
    this.store(null);
    void this.router.navigate(['/login']);
  }

  /** Called on a 401: back to login with a message, then back to where the user was. */
  expire(returnUrl: string): void {
    if (!this.state()) return;
    this.store(null);
    this.notice.set('Your session has expired. Sign in again to continue.');
    void this.router.navigate(['/login'], { queryParams: { returnUrl } });
  }

  private store(session: StoredSession | null): void {
    this.state.set(session);
    try {
      if (session) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
      else globalThis.localStorage?.removeItem(STORAGE_KEY);
    } catch {
      // Private mode or storage full: the session still lives for this tab.
    }
  }
}
