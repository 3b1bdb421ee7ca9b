import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { call, loginAs, startTestApp, TestApp } from './support/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire, before any decoding. */
  body: Buffer;
}

/** A GET that shows what was actually transferred (fetch would decode it silently). */
function rawGet(base: string, path: string, acceptEncoding?: string, token?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed responses and cached assets', () => {
  // A stand-in for the built dashboard, named as Angular names its output.
  const dashboardDir = mkdtempSync(join(tmpdir(), 'stint-compress-dashboard-'));
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: 'row ${i}' }`).join(', ')}];`;
  writeFileSync(
    join(dashboardDir, 'index.html'),
    `<!doctype html><html><head><title>Stint</title></head><body><app-root></app-root>${'<!-- padding -->'.repeat(100)}<script src="main-AB12CD34.js" type="module"></script></body></html>`,
  );
  writeFileSync(join(dashboardDir, 'main-AB12CD34.js'), script);
  writeFileSync(join(dashboardDir, 'robots.txt'), 'User-agent: *\n'.repeat(200));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DASHBOARD_DIR: dashboardDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('a hashed script travels as brotli, or gzip, and is cached for a year as immutable', async () => {
    const br = await rawGet(t.url, '/main-AB12CD34.js', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(script);

    const gzip = await rawGet(t.url, '/main-AB12CD34.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(script);
  });

  it('a client that accepts no encoding gets the plain file', async () => {
    const plain = await rawGet(t.url, '/main-AB12CD34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('index.html (a deep link) is compressed and never cached; an unhashed file is revalidated', async () => {
    const page = await rawGet(t.url, '/approvals/123', 'br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('<app-root ngCspNonce=');

    const robots = await rawGet(t.url, '/robots.txt', 'gzip');
    expect(robots.headers['cache-control']).toBe('no-cache');
  });

  it('JSON over 1 kB is compressed; a small JSON answer is not worth it', async () => {
    const docs = await rawGet(t.url, '/api/docs-json', 'gzip');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(docs.body).toString('utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(json.paths).length).toBeGreaterThan(20);

    const health = await rawGet(t.url, '/api/health', 'gzip');
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('a large answer kept as JSON (capacity, the timeline) reads the same in every encoding, and changes after a write', async () => {
    const admin = await loginAs(t.url, 'admin@stint.local', 'admin');
    const host = await call<{ id: string }>(t.url, 'POST', '/api/users', {
      token: admin,
      body: {
        email: `encoded.host.${Date.now()}@test.stint`,
        name: 'Encoded Host',
        role: 'manager',
        password: 'a-long-password',
      },
    });
    expect(host.status).toBe(201);
    const managerId = host.body.id;
    for (let i = 0; i < 8; i++) {
      const team = await call(t.url, 'POST', '/api/teams', {
        token: admin,
        body: { name: `Encoded ${i} ${Date.now()}`, managerId, capacity: 2, region: 'Test', timezone: 'Europe/Berlin' },
      });
      expect(team.status).toBe(201);
    }
    for (const path of ['/api/stats/capacity?scope=all', '/api/timeline?from=2027-01-04&to=2027-03-28']) {
      const plain = await rawGet(t.url, path, undefined, admin);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const text = plain.body.toString('utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      // The second of each is served from what the first kept.
      for (let round = 0; round < 2; round++) {
        const br = await rawGet(t.url, path, 'gzip, deflate, br', admin);
        const gzip = await rawGet(t.url, path, 'gzip', admin);
        if (Buffer.byteLength(text) >= 1024) {
          expect(br.headers['content-encoding']).toBe('br');
          expect(br.headers['vary']).toMatch(/accept-encoding/i);
          expect(brotliDecompressSync(br.body).toString('utf8')).toBe(text);
          expect(gzip.headers['content-encoding']).toBe('gzip');
          expect(gunzipSync(gzip.body).toString('utf8')).toBe(text);
        } else {
          expect(br.body.toString('utf8')).toBe(text);
        }
      }
    }
    const capacity = async (): Promise<unknown[]> => {
      const answer = await rawGet(t.url, '/api/stats/capacity?scope=all', 'br', admin);
      return JSON.parse(brotliDecompressSync(answer.body).toString('utf8')) as unknown[];
    };
    const before = await capacity();
    await call(t.url, 'POST', '/api/teams', {
      token: admin,
      body: { name: `Encoded late ${Date.now()}`, managerId, capacity: 2, region: 'Test', timezone: 'Europe/Berlin' },
    });
    expect((await capacity()).length).toBeGreaterThan(before.length);
  });
});
