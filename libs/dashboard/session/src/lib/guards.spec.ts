import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { signedInGuard } from './guards';
import { SessionService } from './session.service';

describe('signedInGuard', () => {
  function setup(restoredUser: boolean) {
    const signedIn = signal(false);
    const restore = jest.fn(async () => signedIn.set(restoredUser));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionService, useValue: { restore, signedIn } }],
    });
    const run = () =>
      TestBed.runInInjectionContext(() =>
        signedInGuard({} as ActivatedRouteSnapshot, { url: '/approvals/1' } as RouterStateSnapshot),
      ) as Promise<boolean | UrlTree>;
    return { run, restore };
  }

  it('restores the cookie session before deciding, and lets a restored user through', async () => {
    const { run, restore } = setup(true);
    await expect(run()).resolves.toBe(true);
    expect(restore).toHaveBeenCalled();
  });

  it('sends everyone else to login, to come back afterwards', async () => {
    const { run } = setup(false);
    const result = await run();
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fapprovals%2F1');
  });
});
