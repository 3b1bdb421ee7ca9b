import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { describeError } from '@stint/dashboard-session';
// Types only: the shell loads this store eagerly, and the UI library's barrel would pull every list screen in with it.
import type { Loadable } from '@stint/dashboard-ui';
import type { Today } from '@stint/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * The caller's home (GET /api/me/today), shared by the home page and the
 * navigation's badges. Refreshed on sign-in, after each navigation and when
 * the home page asks; a failed refresh keeps the last figures on the badges.
 */
@Injectable({ providedIn: 'root' })
export class TodayStore {
  private readonly http = inject(HttpClient);
  readonly state = signal<Loadable<Today>>({ status: 'loading' });
  private readonly last = signal<Today | null>(null);
  private inFlight: Promise<void> | null = null;

  /** Approvals waiting for the caller, for the navigation badge (0 while unknown). */
  readonly approvalsBadge = computed(() => this.last()?.counts.approvalsAwaitingMe ?? 0);
  /** Overdue check-ins the caller acts on or follows, for the navigation badge. */
  readonly overdueBadge = computed(() => this.last()?.counts.overdueCheckIns ?? 0);

  refresh(): Promise<void> {
    this.inFlight ??= firstValueFrom(this.http.get<Today>('/api/me/today'))
      .then((today) => {
        this.last.set(today);
        this.state.set({ status: 'ready', value: today });
      })
      .catch((error: unknown) => {
        this.state.set({ status: 'error', message: describeError(error).message });
      })
      .finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Signed out: nothing of the last person's home stays on screen. */
  clear(): void {
    this.last.set(null);
    this.state.set({ status: 'loading' });
  }
}
