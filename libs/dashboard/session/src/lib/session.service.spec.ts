import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { User } from '@stint/contracts';
import { authInterceptor } from './auth.interceptor';
import { SessionService } from './session.service';

const admin: User = {
  id: 'u1',
  email: 'admin@stint.local',
  name: 'Ada Admin',
  role: 'admin',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const ended = { statusCode: 401, code: 'UNAUTHORIZED', message: 'Your session has ended; sign in again.', details: {} };
const missing = {
  statusCode: 401,
  code: 'UNAUTHORIZED',
  message: 'Sign in first: send a valid "Authorization: Bearer <token>" header.',
  details: {},
};

describe('SessionService', () => {
  let session: SessionService;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    localStorage.setItem('stint.session', JSON.stringify({ accessToken: 'old.bearer.token', user: admin }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    session = TestBed.inject(SessionService);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  it('removes a token left in localStorage by earlier versions and starts signed out', () => {
    expect(localStorage.getItem('stint.session')).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('keeps the user from login in memory, never the token', async () => {
    const login = session.login('admin@stint.local', 'admin');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.withCredentials).toBe(true);
    request.flush({ accessToken: 'eyJ.secret.token', user: admin });
    await expect(login).resolves.toEqual(admin);

    expect(session.user()).toEqual(admin);
    expect(session.hasRole('admin')).toBe(true);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('eyJ');
    expect('token' in session).toBe(false);
    // Signed in by login: restoring asks the API nothing more.
    await session.restore();
    http.expectNone('/api/me');
  });

  it('restores the session from the cookie once: GET /api/me', async () => {
    const first = session.restore();
    const second = session.restore();
    const request = http.expectOne('/api/me');
    expect(request.request.withCredentials).toBe(true);
    request.flush(admin);
    await Promise.all([first, second]);
    expect(session.user()).toEqual(admin);
  });

  it('without a session cookie it stays signed out, quietly', async () => {
    const restoring = session.restore();
    http.expectOne('/api/me').flush(missing, { status: 401, statusText: 'Unauthorized' });
    await restoring;
    expect(session.signedIn()).toBe(false);
    expect(session.notice()).toBeNull();
  });

  it("with a cookie whose session has ended it stays signed out and says so in the API's words", async () => {
    const restoring = session.restore();
    http.expectOne('/api/me').flush(ended, { status: 401, statusText: 'Unauthorized' });
    await restoring;
    expect(session.signedIn()).toBe(false);
    expect(session.notice()).toBe('Your session has ended; sign in again.');
  });

  it('sign-out asks the API to clear the cookie, then goes to login', async () => {
    const restoring = session.restore();
    http.expectOne('/api/me').flush(admin);
    await restoring;

    const out = session.logout();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('X-Stint-CSRF')).toBe('1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(session.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login']);
    await session.restore();
    http.expectNone('/api/me');
  });

  it('sign-out still signs out here when the API cannot be reached', async () => {
    const restoring = session.restore();
    http.expectOne('/api/me').flush(admin);
    await restoring;
    const out = session.logout();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await out;
    expect(session.signedIn()).toBe(false);
  });

  it('a 401 on a later call ends the session with a notice and remembers where the user was', async () => {
    const restoring = session.restore();
    http.expectOne('/api/me').flush(admin);
    await restoring;

    const refreshing = session.refresh();
    http.expectOne('/api/me').flush(ended, { status: 401, statusText: 'Unauthorized' });
    await expect(refreshing).rejects.toBeTruthy();
    expect(session.signedIn()).toBe(false);
    expect(session.notice()).toBe('Your session has ended; sign in again.');
    expect(router.navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
  });

  it('expire() without a session message uses its own sentence', () => {
    session.expire('/x');
    expect(session.notice()).toBeNull(); // not signed in: nothing to expire

    void session.login('admin@stint.local', 'admin');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', user: admin });
    return Promise.resolve().then(() => {
      session.expire('/x', 'The access token is not valid; sign in again.');
      expect(session.notice()).toBe('Your session has expired. Sign in again to continue.');
    });
  });
});
