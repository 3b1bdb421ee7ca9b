import { createHash, randomBytes } from 'node:crypto';

/** Directive name (kebab-case) → its sources. */
export type CspDirectives = Record<string, string[]>;

/**
 * The policy every response carries (helmet sends it): no inline script or
 * style anywhere, no eval, no plugins. JSON, static files and error bodies get
 * exactly this; the two HTML pages relax only `style-src` for themselves
 * (the dashboard with a per-response nonce, Swagger UI with hashes).
 */
export const BASE_CSP: Readonly<CspDirectives> = Object.freeze({
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'upgrade-insecure-requests': [],
});

/** The header value for BASE_CSP with some directives replaced (or added). */
export function cspHeader(overrides: CspDirectives = {}): string {
  return Object.entries({ ...BASE_CSP, ...overrides })
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join(';'); // helmet's format
}

/** A fresh nonce: 128 random bits, base64 (as CSP's nonce-source expects). */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The dashboard's policy for one response: Angular's component <style> elements carry `nonce`. */
export function dashboardCsp(nonce: string): string {
  return cspHeader({ 'style-src': ["'self'", `'nonce-${nonce}'`] });
}

const NONCE_SLOT = '\u0000stint-csp-nonce\u0000';

/**
 * Prepares the built index.html once; the returned function gives the page
 * for one nonce: `ngCspNonce` on <app-root> (Angular reads it and puts it on
 * every <style> it inserts) and `nonce` on each <style>, <link> and <script>
 * tag the build emitted (the build inlines none today; critical-CSS inlining
 * would add some).
 */
export function indexHtmlWithNonce(html: string): (nonce: string) => string {
  if (!/<app-root\b/i.test(html)) {
    throw new Error('The dashboard index.html has no <app-root>: there is nowhere to put the CSP nonce (ngCspNonce).');
  }
  const marked = html
    .replace(/<app-root\b(?![^>]*\sngCspNonce=)/i, `<app-root ngCspNonce="${NONCE_SLOT}"`)
    .replace(/<(style|link|script)\b(?![^>]*\snonce=)/gi, `<$1 nonce="${NONCE_SLOT}"`);
  const parts = marked.split(NONCE_SLOT);
  return (nonce) => parts.join(nonce);
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * <style> elements Swagger UI's scripts render at run time: the Swagger logo
 * in the top bar is an inline SVG with this stylesheet (swagger-ui-dist 5.x,
 * swagger-ui-standalone-preset.js). Should an upgrade change it, the logo
 * loses its colours and the browser names the new hash in a CSP violation
 * (the e2e test csp.spec.ts fails on it).
 */
const SWAGGER_UI_RUNTIME_STYLES = ['.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}'];

/**
 * Swagger UI's page (served by @nestjs/swagger at /api/docs) loads its
 * scripts from files, so `script-src 'self'` holds; but its HTML has two
 * inline <style> blocks and one style="…" attribute (the hidden SVG sprite),
 * and its scripts render one more <style> (SWAGGER_UI_RUNTIME_STYLES). They
 * are allowed by their SHA-256 hashes (those of the page computed from the
 * very page being sent), so nothing else inline is; style attributes need
 * 'unsafe-hashes', limited to that exact hash and to this page.
 */
export function swaggerUiCsp(html: string): string {
  const inPage = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  const elements = [...inPage, ...SWAGGER_UI_RUNTIME_STYLES].map(sha256Source);
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => sha256Source(m[1] ?? ''));
  const unique = (list: string[]) => [...new Set(list)];
  return cspHeader({
    'style-src': ["'self'", ...unique(elements)],
    ...(attributes.length ? { 'style-src-attr': ["'unsafe-hashes'", ...unique(attributes)] } : {}),
  });
}
