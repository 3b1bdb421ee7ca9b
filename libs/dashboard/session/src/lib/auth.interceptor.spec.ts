import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { SessionService } from './session.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const expire = jest.fn();

  beforeEach(() => {
    expire.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionService, useValue: { expire } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends API calls with the cookie and X-Stint-CSRF: 1, never an Authorization header', async () => {
    const done = firstValueFrom(http.post('/api/rotation-requests', { teamId: 't' }));
    const request = backend.expectOne('/api/rotation-requests');
    expect(request.request.withCredentials).toBe(true);
    expect(request.request.headers.get('X-Stint-CSRF')).toBe('1');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await done;
  });

  it('leaves calls to other origins alone', async () => {
    const done = firstValueFrom(http.get('https://example.com/api/thing'));
    const request = backend.expectOne('https://example.com/api/thing');
    expect(request.request.withCredentials).toBe(false);
    expect(request.request.headers.has('X-Stint-CSRF')).toBe(false);
    request.flush({});
    await done;
  });

  it("a 401 ends the session with the API's sentence", async () => {
    const done = firstValueFrom(http.get('/api/teams'));
    backend
      .expectOne('/api/teams')
      .flush(
        { statusCode: 401, code: 'UNAUTHORIZED', message: 'Your session has ended; sign in again.', details: {} },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(expire).toHaveBeenCalledWith('/', 'Your session has ended; sign in again.');
  });

  it('a 401 from login is a wrong password, not an ended session', async () => {
    const done = firstValueFrom(http.post('/api/auth/login', {}));
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'UNAUTHORIZED', message: 'Wrong email or password.', details: {} },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(expire).not.toHaveBeenCalled();
  });
});
