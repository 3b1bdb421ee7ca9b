import type { RotationRequest } from '@stint/contracts';
import { Actor } from './support/fixtures';
import { expectError, raw, startInputGate } from './support/input-gate';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

/* The input gate at its limits: nesting depth, body size and shape, HTTP-level header errors, page numbers. */

describe('the input gate: hostile and sloppy input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let pm: Actor;
  let request: RotationRequest;

  beforeAll(async () => {
    ({ t, pm, request } = await startInputGate());
  });

  afterAll(() => t.close());

  const port = () => Number(new URL(t.url).port);

  it('bodies nested deeper than 32 levels are refused on every route, login included, without slowing the API', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const login = await call(t.url, 'POST', '/api/auth/login', { rawBody: `{"email":"a@b.c","password":${deep}}` });
    expectError(login, 400, 'VALIDATION_FAILED', 'body');
    expect((login.body as { message: string }).message).toMatch(/deeper than 32/);
    const patch = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      rawBody: `{"goals":${deep}}`,
    });
    expectError(patch, 400, 'VALIDATION_FAILED');
    const started = Date.now();
    const bursts = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(t.url, 'POST', '/api/auth/login', {
          rawBody: '{"a":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001),
        }),
      ),
    );
    expect(bursts.every((r) => r.status === 400 || r.status === 413)).toBe(true);
    const health = await call(t.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4000);
    // 32 levels are still fine.
    const ok = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      body: { goals: ['closing'] },
    });
    expect(ok.status).toBe(200);
  });

  it('a body over 1 MB and a body that is not an object are refused', async () => {
    const big = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, {
      token: pm.token,
      rawBody: JSON.stringify({ motivation: 'x'.repeat(1_100_000) }),
    });
    expectError(big, 413, 'VALIDATION_FAILED');
    for (const rawBody of ['[]', '"text"', '42', 'null']) {
      const result = await call(t.url, 'PATCH', `/api/rotation-requests/${request.id}`, { token: pm.token, rawBody });
      expectError(result, 400, 'VALIDATION_FAILED');
    }
  });

  it('HTTP-level errors come in the contract shape: oversized headers (431) and header bytes HTTP forbids (400)', async () => {
    const huge = await raw(port(), `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({
      statusCode: 431,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: {},
    });
    const bad = await raw(port(), `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await call(t.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('paging limits', () => {
  it('a page number beyond 100000 is a 400, never a 500', async () => {
    const t = await startTestApp();
    try {
      const token = await loginAs(t.url, 'admin@stint.local', 'admin');
      for (const path of [
        '/api/users?page=1e308',
        '/api/rotation-requests?page=100001',
        '/api/admin/queues/email/failed?page=1e20',
        '/api/audit?page=1e308',
      ]) {
        expectError(await call(t.url, 'GET', path, { token }), 400, 'VALIDATION_FAILED', 'page');
      }
    } finally {
      await t.close();
    }
  });
});
