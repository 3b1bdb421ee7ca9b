import { createHmac } from 'node:crypto';
import { Actor, Fixtures } from './fixtures';
import { CallResult, startTestApp, TestApp } from './test-app';

/*
 * Sessions end when they should: every token carries the user's token version
 * (claim `ver`), bumped by a password change, a deactivation, a role change and
 * "sign out everywhere". The dashboard signs in with an httpOnly SameSite=Strict
 * cookie; cookie requests with unsafe methods must send X-Stint-CSRF: 1.
 */

export const ENDED = {
  statusCode: 401,
  code: 'UNAUTHORIZED',
  message: 'Your session has ended; sign in again.',
  details: {},
};

export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function sessionSetCookie(result: CallResult): string | undefined {
  return result.headers.getSetCookie().find((c) => c.startsWith('stint_session='));
}

/** The cookie pair (`stint_session=...`) a browser would send back. */
export function cookieFrom(result: CallResult): string {
  const setCookie = sessionSetCookie(result);
  if (!setCookie) throw new Error(`no session cookie in ${JSON.stringify(result.headers.getSetCookie())}`);
  return setCookie.split(';')[0] ?? '';
}

export function signed(secret: string, claims: object): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
}

/** The API, with an admin's fixtures and a manager whose login the cookie tests reuse. */
export async function startSessions(): Promise<{ t: TestApp; f: Fixtures; manager: Actor }> {
  const t = await startTestApp();
  const f = await Fixtures.create(t.url);
  const manager = await f.manager();
  return { t, f, manager };
}
