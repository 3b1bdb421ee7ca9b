import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startTestApp, TestApp } from './support/test-app';

/** A header's directives: name → sources. */
function directives(header: string | null): Map<string, string[]> {
  expect(header).toBeTruthy();
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectStrictScripts(policy: Map<string, string[]>): void {
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
}

describe('Content-Security-Policy', () => {
  // A stand-in for the built dashboard, shaped like Angular's output.
  const dashboardDir = mkdtempSync(join(tmpdir(), 'stint-csp-dashboard-'));
  writeFileSync(
    join(dashboardDir, 'index.html'),
    '<!doctype html><html><head><link rel="stylesheet" href="styles-X.css"></head><body><app-root></app-root><script src="main-X.js" type="module"></script></body></html>',
  );
  writeFileSync(join(dashboardDir, 'main-X.js'), 'console.log("stint");');
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DASHBOARD_DIR: dashboardDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('GET /api/health carries the strict default policy: no inline script or style, no eval', async () => {
    const result = await call(t.url, 'GET', '/api/health');
    expect(result.status).toBe(200);
    const header = result.headers.get('content-security-policy');
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|nonce-|sha256-/);
    const policy = directives(header);
    expectStrictScripts(policy);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('a JSON error and a static file carry the same strict policy', async () => {
    const [notFound, file] = await Promise.all([
      call(t.url, 'GET', '/api/no-such-thing'),
      call(t.url, 'GET', '/main-X.js'),
    ]);
    expect(notFound.status).toBe(404);
    expect(file.status).toBe(200);
    const health = (await call(t.url, 'GET', '/api/health')).headers.get('content-security-policy');
    expect(notFound.headers.get('content-security-policy')).toBe(health);
    expect(file.headers.get('content-security-policy')).toBe(health);
  });

  it('the dashboard page gets a fresh style nonce per response, the same in the header and in ngCspNonce', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/approvals/123', '/index.html']) {
      const result = await call<string>(t.url, 'GET', path);
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toMatch(/text\/html/);
      const policy = directives(result.headers.get('content-security-policy'));
      expectStrictScripts(policy);
      const styleSrc = policy.get('style-src') ?? [];
      expect(styleSrc).toHaveLength(2);
      expect(styleSrc[0]).toBe("'self'");
      const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(styleSrc[1] ?? '')?.[1];
      expect(nonce).toBeDefined();
      expect(result.body).toContain(`<app-root ngCspNonce="${nonce}">`);
      expect(result.body).toContain(`<link nonce="${nonce}" rel="stylesheet"`);
      expect(result.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      nonces.push(nonce ?? '');
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('Swagger UI at /api/docs allows exactly its own inline styles, by hash; scripts stay strict', async () => {
    const result = await call<string>(t.url, 'GET', '/api/docs');
    expect(result.status).toBe(200);
    const header = result.headers.get('content-security-policy');
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    const policy = directives(header);
    expectStrictScripts(policy);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const styles = [...result.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1] ?? ''));
    expect(styles.length).toBeGreaterThan(0);
    // …and the one <style> its scripts render (the Swagger logo's SVG).
    const logo = hash('.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}');
    expect(policy.get('style-src')).toEqual(["'self'", ...new Set([...styles, logo])]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-hashes'", hash('position:absolute;width:0;height:0')]);
    // The OpenAPI JSON is not a page: the strict default.
    const json = await call(t.url, 'GET', '/api/docs-json');
    expect(json.headers.get('content-security-policy')).not.toMatch(/sha256-|unsafe-hashes/);
  });
});

describe('GET /api/metrics and the runtime version', () => {
  it('leaves stint_nodejs_version_info out by default', async () => {
    const t = await startTestApp();
    try {
      const result = await call<string>(t.url, 'GET', '/api/metrics');
      expect(result.status).toBe(200);
      expect(result.body).toMatch(/stint_process_cpu_user_seconds_total/);
      expect(result.body).not.toMatch(/version_info/);
      expect(result.body).not.toContain(process.version);
    } finally {
      await t.close();
    }
  });

  it('shows it with METRICS_VERSION_INFO=true', async () => {
    const t = await startTestApp({ METRICS_VERSION_INFO: 'true' });
    try {
      const result = await call<string>(t.url, 'GET', '/api/metrics');
      expect(result.body).toMatch(/^stint_nodejs_version_info\{version="v\d+\.\d+\.\d+"/m);
    } finally {
      await t.close();
    }
  });
});
