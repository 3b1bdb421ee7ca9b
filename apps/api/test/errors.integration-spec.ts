import { createHmac } from 'node:crypto';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

function expectErrorShape(body: unknown, statusCode: number, code: string): void {
  expect(body).toEqual({ statusCode, code, message: expect.any(String), details: expect.any(Object) });
  expect((body as { message: string }).message.length).toBeGreaterThan(5);
}

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('errors always have the contract shape', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAs(t.url, 'admin@stint.local', 'admin');
  });
  afterAll(() => t.close());

  it('an unknown API route is a JSON 404, never the dashboard', async () => {
    const result = await call(t.url, 'GET', '/api/no-such-thing', { token: adminToken });
    expect(result.status).toBe(404);
    expectErrorShape(result.body, 404, 'NOT_FOUND');
  });

  it('a malformed JSON body is a 400 VALIDATION_FAILED naming the body', async () => {
    const result = await call(t.url, 'POST', '/api/auth/login', { rawBody: '{"email": "a@b.c",' });
    expect(result.status).toBe(400);
    expectErrorShape(result.body, 400, 'VALIDATION_FAILED');
    expect(result.body).toHaveProperty('details.fields.body');
  });

  it('an unknown body field is rejected and named', async () => {
    const result = await call(t.url, 'POST', '/api/auth/login', {
      body: { email: 'admin@stint.local', password: 'admin', role: 'admin' },
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { role: expect.stringMatching(/not a known field/) } },
    });
  });

  it('a wrongly typed field is named in details.fields', async () => {
    const result = await call(t.url, 'POST', '/api/auth/login', { body: { email: 42, password: 'x' } });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { email: expect.any(String) } },
    });
  });

  it('a missing token is a 401 UNAUTHORIZED', async () => {
    const result = await call(t.url, 'GET', '/api/me');
    expect(result.status).toBe(401);
    expectErrorShape(result.body, 401, 'UNAUTHORIZED');
  });

  it('a token signed with another secret, or with alg none, is refused', async () => {
    const claims = {
      sub: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const payload = b64url(claims);
    const forged = `${header}.${payload}.${createHmac('sha256', 'not-the-secret').update(`${header}.${payload}`).digest('base64url')}`;
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    for (const token of [forged, none, 'garbage']) {
      const result = await call(t.url, 'GET', '/api/me', { token });
      expect(result.status).toBe(401);
      expectErrorShape(result.body, 401, 'UNAUTHORIZED');
    }
  });

  it('an expired token is refused with a sentence that says to sign in again', async () => {
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const me = await call<{ id: string }>(t.url, 'GET', '/api/me', { token: adminToken });
    const payload = b64url({ sub: me.body.id, iat: 1000, exp: 2000 });
    const expired = `${header}.${payload}.${createHmac('sha256', t.config.jwtSecret).update(`${header}.${payload}`).digest('base64url')}`;
    const result = await call(t.url, 'GET', '/api/me', { token: expired });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/expired/) });
  });

  it('the OpenAPI document describes the login and health endpoints', async () => {
    const result = await call<{ openapi: string; paths: Record<string, unknown> }>(t.url, 'GET', '/api/docs-json');
    expect(result.status).toBe(200);
    expect(result.body.openapi).toMatch(/^3\./);
    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health', '/api/metrics']),
    );
  });

  it('every response carries security headers and a request id is honoured', async () => {
    const result = await call(t.url, 'GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('x-request-id')).toBe('trace-123');
  });
});
