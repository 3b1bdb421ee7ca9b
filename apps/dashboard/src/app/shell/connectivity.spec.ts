import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ConnectivityService, connectivityInterceptor } from './connectivity';

describe('connectivity', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let connectivity: ConnectivityService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([connectivityInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    connectivity = TestBed.inject(ConnectivityService);
  });
  afterEach(() => backend.verify());

  it('is busy while a call is in flight, and quiet after', () => {
    http.get('/api/me').subscribe();
    expect(connectivity.busy()).toBe(true);
    backend.expectOne('/api/me').flush({});
    expect(connectivity.busy()).toBe(false);
    expect(connectivity.problem()).toBeNull();
  });

  it('says Stint could not be reached when a call fails for want of a network, until a call succeeds again', () => {
    http.get('/api/me').subscribe({ error: () => undefined });
    backend.expectOne('/api/me').error(new ProgressEvent('error'));
    expect(connectivity.problem()).toMatch(/could not be reached/);
    http.get('/api/me').subscribe();
    backend.expectOne('/api/me').flush({});
    expect(connectivity.problem()).toBeNull();
  });

  it('tells a 503 apart, and leaves other errors to the screen that made the call', () => {
    http.get('/api/stats/overview').subscribe({ error: () => undefined });
    backend.expectOne('/api/stats/overview').flush({ code: 'UNAVAILABLE' }, { status: 503, statusText: 'Unavailable' });
    expect(connectivity.problem()).toMatch(/not answering properly/);
    http.get('/api/x').subscribe({ error: () => undefined });
    backend.expectOne('/api/x').flush({ code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    expect(connectivity.problem()).toBeNull();
  });

  it('follows the browser going offline and back online', () => {
    window.dispatchEvent(new Event('offline'));
    expect(connectivity.problem()).toMatch(/You are offline/);
    window.dispatchEvent(new Event('online'));
    expect(connectivity.problem()).toBeNull();
  });
});
