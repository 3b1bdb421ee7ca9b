import { effect, type Injector } from '@angular/core';
import type { SessionService } from '@stint/dashboard-session';
import { setDisplayPreferences } from '@stint/dashboard-ui';

/** Keeps the shared date formatters in the signed-in user's locale and zone, now and after every profile change. */
export function followViewer(session: SessionService, injector: Injector): void {
  effect(
    () => {
      const user = session.user();
      setDisplayPreferences({ locale: user?.locale ?? null, timezone: user?.timezone ?? null });
    },
    { injector },
  );
}
