import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { finalize, tap } from 'rxjs';

/** Why the last call failed, in the words the banner uses; null while calls succeed. */
export type FailureKind = 'network' | 'unavailable' | null;

/**
 * What the shell tells people about the connection: whether the browser is
 * online, whether the last API call failed for want of a network or of the
 * server, and whether calls are in flight (the progress bar).
 */
@Injectable({ providedIn: 'root' })
export class ConnectivityService {
  readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly failure = signal<FailureKind>(null);
  private readonly inFlight = signal(0);
  readonly busy = computed(() => this.inFlight() > 0);
  /** The banner's sentence, or null when all is well. */
  readonly problem = computed(() => {
    if (!this.online())
      return 'You are offline. What you see may be out of date; Stint will carry on once you are back.';
    if (this.failure() === 'network') return 'Stint could not be reached. Check your connection, then try again.';
    if (this.failure() === 'unavailable')
      return 'Stint is not answering properly right now (its database or queue is down). Try again in a minute.';
    return null;
  });

  constructor() {
    if (typeof window === 'undefined') return;
    const up = () => {
      this.online.set(true);
      this.failure.set(null);
    };
    const down = () => this.online.set(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    });
  }

  started(): void {
    this.inFlight.update((n) => n + 1);
  }

  ended(): void {
    this.inFlight.update((n) => Math.max(0, n - 1));
  }

  succeeded(): void {
    if (this.failure()) this.failure.set(null);
  }

  failed(kind: Exclude<FailureKind, null>): void {
    this.failure.set(kind);
  }
}

/** Counts API calls in flight, and tells a network failure (status 0) or a 503 from an answer the screen handles itself. */
export const connectivityInterceptor: HttpInterceptorFn = (request, next) => {
  const connectivity = inject(ConnectivityService);
  connectivity.started();
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) connectivity.succeeded();
      },
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse)) return;
        if (error.status === 0) connectivity.failed('network');
        else if (error.status === 503) connectivity.failed('unavailable');
        else connectivity.succeeded();
      },
    }),
    finalize(() => connectivity.ended()),
  );
};
