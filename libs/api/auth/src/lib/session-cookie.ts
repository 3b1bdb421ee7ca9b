import type { AppConfig } from '@stint/api-core';

/**
 * The dashboard's credential: the access token in an httpOnly, SameSite=Strict
 * cookie that page scripts cannot read. API clients keep sending
 * `Authorization: Bearer`; the guard accepts either.
 */
export const SESSION_COOKIE = 'stint_session';

/** Cookie-authenticated requests with an unsafe method must send `X-Stint-CSRF: 1`. */
export const CSRF_HEADER = 'x-stint-csrf';

export const CSRF_MESSAGE =
  'Requests signed in with the session cookie must send the header "X-Stint-CSRF: 1" with POST, PUT, PATCH and DELETE.';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface HeaderReply {
  header(name: string, value: string): unknown;
}

type Headers = Record<string, string | string[] | undefined>;

/** The value of cookie `name` in a Cookie header, or null (no cookie parser is installed: parsed here). */
export function readCookie(header: string | string[] | undefined, name: string): string | null {
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  for (const line of lines) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
      let value = part.slice(eq + 1).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      return value === '' ? null : value;
    }
  }
  return null;
}

export function sessionCookieFrom(headers: Headers): string | null {
  return readCookie(headers['cookie'], SESSION_COOKIE);
}

/** True when a cookie-authenticated request may go on: a safe method, or an unsafe one carrying `X-Stint-CSRF: 1`. */
export function passesCsrfCheck(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const value = headers[CSRF_HEADER];
  return (Array.isArray(value) ? value[0] : value)?.trim() === '1';
}

function attributes(config: Pick<AppConfig, 'appUrl'>, maxAgeSeconds: number): string {
  const secure = config.appUrl.startsWith('https:') ? '; Secure' : '';
  return `Path=/api; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Sets the session cookie holding `token`, living as long as the token does. */
export function setSessionCookie(
  reply: HeaderReply,
  config: Pick<AppConfig, 'appUrl' | 'jwtExpiresIn'>,
  token: string,
): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; ${attributes(config, config.jwtExpiresIn)}`);
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(reply: HeaderReply, config: Pick<AppConfig, 'appUrl'>): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; ${attributes(config, 0)}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`);
}
