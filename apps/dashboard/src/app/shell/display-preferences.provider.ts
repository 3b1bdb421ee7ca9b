import { inject, Injector, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { SessionService } from '@stint/dashboard-session';

/**
 * Every screen writes dates in the signed-in user's locale (their profile's,
 * else the browser's) and zone, from start-up on. The formatters come with the
 * screens' shared library, so they are loaded here rather than imported, and
 * stay out of the initial bundle.
 */
export function provideDisplayPreferences(): EnvironmentProviders {
  return provideAppInitializer(async () => {
    const session = inject(SessionService);
    const injector = inject(Injector);
    const { followViewer } = await import('./display-preferences');
    followViewer(session, injector);
  });
}
