import { Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { User } from '@stint/contracts';
import type { SessionService } from '@stint/dashboard-session';
import { displayLocale, displayZone, formatDay, setDisplayPreferences } from '@stint/dashboard-ui';
import { followViewer } from './display-preferences';

describe('followViewer: dates follow the signed-in user', () => {
  afterEach(() => setDisplayPreferences({ locale: 'en-GB', timezone: 'UTC' }));

  it('writes in the profile’s locale and zone, and again after the profile changes', () => {
    const user = signal<User | null>({
      id: 'u1',
      email: 'lee@example.test',
      name: 'Lee',
      role: 'manager',
      managerId: null,
      timezone: 'America/New_York',
      locale: 'en-US',
      active: true,
    });
    followViewer({ user } as unknown as SessionService, TestBed.inject(Injector));
    TestBed.tick();
    expect(displayLocale()).toBe('en-US');
    expect(displayZone()).toBe('America/New_York');
    expect(formatDay('2027-01-04')).toBe('Mon, Jan 4, 2027');

    user.update((u) => (u ? { ...u, locale: 'en-GB', timezone: 'Europe/Berlin' } : u));
    TestBed.tick();
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(displayZone()).toBe('Europe/Berlin');
  });
});
