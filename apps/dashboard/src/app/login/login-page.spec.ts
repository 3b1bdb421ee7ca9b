import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;

  function open(inputs: Record<string, string> = {}): HTMLElement {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    const ref = fixture.componentRef as ComponentRef<LoginPage>;
    for (const [name, value] of Object.entries(inputs)) ref.setInput(name, value);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('offers the provider beside the password form, returning to where the user was going', () => {
    const el = open({ returnUrl: '/approvals/42' });
    http
      .expectOne('/api/auth/options')
      .flush({ password: true, oidc: { name: 'Okta', loginUrl: '/api/auth/oidc/login' } });
    fixture.detectChanges();
    const link = el.querySelector<HTMLAnchorElement>('a[href]');
    expect(link?.textContent?.trim()).toBe('Sign in with Okta');
    expect(link?.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Fapprovals%2F42');
    expect(el.querySelector('form')).not.toBeNull();
  });

  it('hides the password form when password sign-in is off, and shows a refusal the provider sent back', () => {
    const el = open({ error: 'Okta says jo@example.com is not verified; verify it there and try again.' });
    http
      .expectOne('/api/auth/options')
      .flush({ password: false, oidc: { name: 'Okta', loginUrl: '/api/auth/oidc/login' } });
    fixture.detectChanges();
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('Password sign-in is switched off here');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('is not verified');
  });

  it('keeps the password form when the options cannot be read', () => {
    const el = open();
    http.expectOne('/api/auth/options').flush('down', { status: 503, statusText: 'Unavailable' });
    fixture.detectChanges();
    expect(el.querySelector('form')).not.toBeNull();
    expect(el.querySelector('a[href]')).toBeNull();
  });
});
