import { ApiError } from '@stint/api-core';
import { isIP } from 'node:net';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Sign-in limits. They tell an attacker from the user by counting per client
 * address (Fastify's request.ip; see TRUST_PROXY), never per account alone, so
 * there is no hard account lockout: the real user from another address signs
 * in at once.
 *
 * Per address + account (the email as typed, trimmed and lower-cased):
 * - the first 5 failures are free;
 * - the 5th locks that address out of that account for 1 minute, and every
 *   further failure doubles the lock: 1, 2, 4, 8, 16, 32, 60, 60, … minutes
 *   (capped at 1 hour), so a guesser gets 5 tries, then ~8 more in the first
 *   2 hours, then one an hour;
 * - the count is forgotten 15 minutes after the last lock ends with no new
 *   failure, and a successful sign-in clears it.
 *
 * Per address overall (every email together):
 * - at most 100 failures in a 15-minute window;
 * - the next attempt blocks the address for 15 minutes, and each further
 *   block within 24 hours doubles: 15, 30, 60, 120, 240 (cap) minutes.
 *
 * An IPv6 client counts by its /64 (one host usually holds all of it). An
 * attempt is counted before the password is checked, so a burst of
 * concurrent guesses is cut off at the limit instead of all reaching the
 * hash; a success (or an attempt that could not be checked, e.g. the
 * database was down) gives its count back. A refused attempt costs nothing,
 * counts nothing and is answered 429 with Retry-After.
 */
export const LOGIN_LIMITS = {
  freeFailures: 5,
  firstLockMs: MINUTE,
  maxLockMs: HOUR,
  accountMemoryMs: 15 * MINUTE,
  addressFailures: 100,
  addressWindowMs: 15 * MINUTE,
  firstBlockMs: 15 * MINUTE,
  maxBlockMs: 4 * HOUR,
  blockMemoryMs: 24 * HOUR,
} as const;

/** How long the `failures`-th counted failure on one address + account locks it (0: not locked). */
export function accountLockMs(failures: number): number {
  if (failures < LOGIN_LIMITS.freeFailures) return 0;
  return Math.min(LOGIN_LIMITS.firstLockMs * 2 ** (failures - LOGIN_LIMITS.freeFailures), LOGIN_LIMITS.maxLockMs);
}

/** How long an address's `strikes`-th block (within 24 hours) lasts. */
export function addressBlockMs(strikes: number): number {
  return Math.min(LOGIN_LIMITS.firstBlockMs * 2 ** Math.max(0, strikes - 1), LOGIN_LIMITS.maxBlockMs);
}

/** The counting key of a client address: an IPv4 address as is, an IPv6 address by its /64. */
export function clientKey(ip: string | undefined): string {
  const address = (ip ?? '').split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) === 4) return address;
  if (isIP(address) === 6) return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.padStart(4, '0'));
}

/** What a refused attempt is told. */
export interface LoginRefusal {
  allowed: false;
  retryAfterSeconds: number;
  /** Which limit refused it: the address overall, or this address on this account. */
  scope: 'address' | 'account';
}

/** A counted attempt, to report back once the password was checked. */
export interface LoginTicket {
  allowed: true;
  readonly keys: { fail: string; lock: string; count: string };
  readonly store: 'redis' | 'memory';
}

/** "2 minutes", "45 seconds", "4 hours": the wait a 429 asks for, in words. */
function inWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? unit(minutes, 'minute') : unit(Math.ceil(minutes / 60), 'hour');
}

/** The 429 a refused sign-in gets (the controller adds Retry-After from details.retryAfterSeconds). */
export function rateLimited(refusal: LoginRefusal): ApiError {
  const wait = inWords(refusal.retryAfterSeconds);
  const message =
    refusal.scope === 'address'
      ? `Too many failed sign-ins from your address; wait ${wait} and try again.`
      : `Too many failed sign-ins for this email from your address; wait ${wait} and try again, or ask an admin to reset the password.`;
  return new ApiError(429, 'RATE_LIMITED', message, { retryAfterSeconds: refusal.retryAfterSeconds });
}
