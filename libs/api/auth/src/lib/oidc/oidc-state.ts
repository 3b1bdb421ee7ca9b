import { createHmac, timingSafeEqual } from 'node:crypto';

/** What travels from the redirect to the provider back to the callback, in a signed cookie. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in the dashboard to land after signing in (a path on this site). */
  returnTo: string;
  /** Epoch milliseconds after which the attempt is void. */
  expiresAt: number;
}

export const OIDC_STATE_COOKIE = 'stint_oidc';
/** How long a sign-in at the provider may take. */
export const OIDC_ATTEMPT_MS = 10 * 60_000;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', `oidc-attempt:${secret}`).update(payload).digest('base64url');
}

/** The attempt as a cookie value: its JSON, base64url, and an HMAC over it with the server's secret. */
export function sealAttempt(attempt: OidcAttempt, secret: string): string {
  const payload = Buffer.from(JSON.stringify(attempt)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The attempt from a cookie value, or null when it is missing, altered or expired. */
export function openAttempt(value: string | null, secret: string, now: number): OidcAttempt | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const attempt = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcAttempt;
    return typeof attempt.expiresAt === 'number' && attempt.expiresAt > now ? attempt : null;
  } catch {
    return null;
  }
}

/** A dashboard path to return to: same site only (no scheme, no `//host`), else the home page. */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 500) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/api/')) return '/';
  return [...raw].some((ch) => ch.charCodeAt(0) < 0x20) ? '/' : raw;
}
