import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@stint/api-core';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
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

const ATTEMPT = `
local blocked = redis.call('PTTL', KEYS[4])
if blocked > 0 then return {0, blocked, 1} end
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then return {0, locked, 2} end
local used = tonumber(redis.call('GET', KEYS[3]) or '0')
if used >= tonumber(ARGV[5]) then
  local strikes = redis.call('INCR', KEYS[5])
  redis.call('PEXPIRE', KEYS[5], ARGV[9])
  local ms = math.floor(math.min(tonumber(ARGV[7]) * 2 ^ (strikes - 1), tonumber(ARGV[8])))
  redis.call('SET', KEYS[4], '1', 'PX', ms)
  redis.call('DEL', KEYS[3])
  return {0, ms, 1}
end
if redis.call('INCR', KEYS[3]) == 1 or redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[6]) end
local failures = redis.call('INCR', KEYS[1])
local lock = 0
if failures >= tonumber(ARGV[1]) then
  lock = math.floor(math.min(tonumber(ARGV[2]) * 2 ^ (failures - tonumber(ARGV[1])), tonumber(ARGV[3])))
  redis.call('SET', KEYS[2], '1', 'PX', lock)
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + lock)
return {1, failures, 0}
`;

const GIVE_BACK = `
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
if ARGV[1] == 'clear' then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures > 0 then redis.call('DECR', KEYS[1]) end
if failures - 1 < tonumber(ARGV[2]) then redis.call('DEL', KEYS[2]) end
return 1
`;

/** Counters with expiry, in this process: the stand-in while Redis is away (same rules as the scripts above). */
class LocalCounters {
  private static readonly MAX_ENTRIES = 50_000;
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();

  private live(key: string): { value: number; expiresAt: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  get(key: string): number {
    return this.live(key)?.value ?? 0;
  }

  pttl(key: string): number {
    const entry = this.live(key);
    return entry ? entry.expiresAt - Date.now() : -2;
  }

  incr(key: string): number {
    const entry = this.live(key);
    if (entry) return (entry.value += 1);
    this.set(key, 1, Number.POSITIVE_INFINITY);
    return 1;
  }

  decr(key: string): void {
    const entry = this.live(key);
    if (entry && entry.value > 0) entry.value -= 1;
  }

  set(key: string, value: number, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    if (this.entries.size > LocalCounters.MAX_ENTRIES) this.shrink();
  }

  expire(key: string, ttlMs: number): void {
    const entry = this.live(key);
    if (entry) entry.expiresAt = Date.now() + ttlMs;
  }

  del(...keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  /** Bounded memory under a flood of distinct addresses: drop what expired, then the oldest. */
  private shrink(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= LocalCounters.MAX_ENTRIES * 0.9) break;
      this.entries.delete(key);
    }
  }
}

/**
 * Applies LOGIN_LIMITS. State lives in Redis under
 * `${queuePrefix}:login:*` (every key with a TTL), so the limits hold across
 * API replicas; each check is one atomic script. While Redis is away the
 * same rules run on counters in this process, so the limits still hold (per
 * process) and sign-in keeps working.
 */
@Injectable()
export class LoginThrottleService {
  private readonly local = new LocalCounters();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(address: string, email: string) {
    const client = clientKey(address);
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    const base = `${this.config.queuePrefix}:login`;
    return {
      fail: `${base}:fail:${client}:${account}`,
      lock: `${base}:lock:${client}:${account}`,
      count: `${base}:addr:${client}`,
      block: `${base}:addr-block:${client}`,
      strikes: `${base}:addr-strikes:${client}`,
    };
  }

  /** Counts one sign-in attempt from `address` for `email` and says whether it may go ahead. */
  async attempt(address: string, email: string): Promise<LoginTicket | LoginRefusal> {
    const keys = this.keys(address, email);
    const ticketKeys = { fail: keys.fail, lock: keys.lock, count: keys.count };
    let reply: [number, number, number];
    let store: LoginTicket['store'] = 'redis';
    try {
      const L = LOGIN_LIMITS;
      reply = (await this.redis.eval(
        ATTEMPT,
        5,
        keys.fail,
        keys.lock,
        keys.count,
        keys.block,
        keys.strikes,
        L.freeFailures,
        L.firstLockMs,
        L.maxLockMs,
        L.accountMemoryMs,
        L.addressFailures,
        L.addressWindowMs,
        L.firstBlockMs,
        L.maxBlockMs,
        L.blockMemoryMs,
      )) as [number, number, number];
    } catch {
      reply = this.attemptLocally(keys);
      store = 'memory';
    }
    const [allowed, value, scope] = reply.map(Number) as [number, number, number];
    if (allowed === 1) return { allowed: true, keys: ticketKeys, store };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(value / 1000)),
      scope: scope === 1 ? 'address' : 'account',
    };
  }

  /** The password was right: this address's failures on this account are forgotten, and the attempt is not one. */
  succeeded(ticket: LoginTicket): Promise<void> {
    return this.giveBack(ticket, 'clear');
  }

  /** The password could not be checked (e.g. the database was down): the attempt did not happen. */
  abandoned(ticket: LoginTicket): Promise<void> {
    return this.giveBack(ticket, 'undo');
  }

  private attemptLocally(keys: ReturnType<LoginThrottleService['keys']>): [number, number, number] {
    const c = this.local;
    const blocked = c.pttl(keys.block);
    if (blocked > 0) return [0, blocked, 1];
    const locked = c.pttl(keys.lock);
    if (locked > 0) return [0, locked, 2];
    if (c.get(keys.count) >= LOGIN_LIMITS.addressFailures) {
      const strikes = c.incr(keys.strikes);
      c.expire(keys.strikes, LOGIN_LIMITS.blockMemoryMs);
      const ms = addressBlockMs(strikes);
      c.set(keys.block, 1, ms);
      c.del(keys.count);
      return [0, ms, 1];
    }
    if (c.incr(keys.count) === 1) c.expire(keys.count, LOGIN_LIMITS.addressWindowMs);
    const failures = c.incr(keys.fail);
    const lock = accountLockMs(failures);
    if (lock > 0) c.set(keys.lock, 1, lock);
    c.expire(keys.fail, LOGIN_LIMITS.accountMemoryMs + lock);
    return [1, failures, 0];
  }

  private async giveBack(ticket: LoginTicket, how: 'clear' | 'undo'): Promise<void> {
    const { fail, lock, count } = ticket.keys;
    if (ticket.store === 'memory') {
      this.giveBackLocally(ticket, how);
      return;
    }
    try {
      await this.redis.eval(GIVE_BACK, 3, fail, lock, count, how, LOGIN_LIMITS.freeFailures);
    } catch {
      // Redis went away in between: its counts expire on their own.
    }
    if (how === 'clear') this.local.del(fail, lock);
  }

  private giveBackLocally(ticket: LoginTicket, how: 'clear' | 'undo'): void {
    const { fail, lock, count } = ticket.keys;
    this.local.decr(count);
    if (how === 'clear') {
      this.local.del(fail, lock);
      return;
    }
    const failures = this.local.get(fail);
    this.local.decr(fail);
    if (failures - 1 < LOGIN_LIMITS.freeFailures) this.local.del(lock);
  }
}
