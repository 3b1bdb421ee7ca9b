import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@stint/api-core';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { LocalCounters } from './local-counters';
import { addressBlockMs, accountLockMs, clientKey, LOGIN_LIMITS, LoginRefusal, LoginTicket } from './login-limits';
import { ATTEMPT, GIVE_BACK, runScript } from './login-throttle.scripts';

/** How many blocked addresses one process remembers (see LoginThrottleService.blocked). */
const MAX_REMEMBERED_BLOCKS = 10_000;

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
  /**
   * Address blocks this process has been told of by the shared limits: client
   * key → when the block ends (epoch ms). A block only ever runs out, so
   * refusing from this copy until then says what Redis would, without asking
   * it, and lets refusals skip the request pipeline (see knownBlock).
   */
  private readonly blocked = new Map<string, number>();

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
    const known = this.knownBlock(address);
    if (known) return known;
    const keys = this.keys(address, email);
    const ticketKeys = { fail: keys.fail, lock: keys.lock, count: keys.count };
    let reply: [number, number, number];
    let store: LoginTicket['store'] = 'redis';
    try {
      const L = LOGIN_LIMITS;
      reply = (await runScript(
        this.redis,
        ATTEMPT,
        [keys.fail, keys.lock, keys.count, keys.block, keys.strikes],
        [
          L.freeFailures,
          L.firstLockMs,
          L.maxLockMs,
          L.accountMemoryMs,
          L.addressFailures,
          L.addressWindowMs,
          L.firstBlockMs,
          L.maxBlockMs,
          L.blockMemoryMs,
        ],
      )) as [number, number, number];
    } catch {
      reply = this.attemptLocally(keys);
      store = 'memory';
    }
    const [allowed, value, scope] = reply.map(Number) as [number, number, number];
    if (allowed === 1) return { allowed: true, keys: ticketKeys, store };
    if (scope === 1) this.remember(clientKey(address), value);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(value / 1000)),
      scope: scope === 1 ? 'address' : 'account',
    };
  }

  /**
   * The refusal for an address this process knows to be blocked, or null. Cheap
   * enough to run before a request's body is read: a flood from a blocked
   * address is answered without the pipeline, so the API stays responsive.
   */
  knownBlock(address: string | undefined): LoginRefusal | null {
    const key = clientKey(address);
    const until = this.blocked.get(key);
    if (until === undefined) return null;
    const left = until - Date.now();
    if (left <= 0) {
      this.blocked.delete(key);
      return null;
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)), scope: 'address' };
  }

  private remember(key: string, ms: number): void {
    // Bounded: past the cap, the oldest entries go (they are asked of Redis again, which still refuses them).
    if (this.blocked.size >= MAX_REMEMBERED_BLOCKS) {
      const oldest = this.blocked.keys().next();
      if (!oldest.done) this.blocked.delete(oldest.value);
    }
    this.blocked.delete(key);
    this.blocked.set(key, Date.now() + ms);
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
      await runScript(this.redis, GIVE_BACK, [fail, lock, count], [how, LOGIN_LIMITS.freeFailures]);
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
