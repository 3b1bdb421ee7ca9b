import type { AppConfig } from '@stint/api-core';
import type Redis from 'ioredis';
import { accountLockMs, addressBlockMs, clientKey, LOGIN_LIMITS, LoginRefusal, LoginTicket } from './login-limits';
import { LoginThrottleService } from './login-throttle.service';

const MINUTE = 60_000;

/** Redis away: every command fails at once, as with the real client's offline queue off. */
const closed = () => Promise.reject(new Error('Connection is closed.'));
const downRedis = { eval: closed, evalsha: closed } as unknown as Redis;

describe('sign-in timetable', () => {
  it('an address + account gets 5 free failures, then locks of 1, 2, 4, 8, 16, 32, 60, 60 minutes', () => {
    expect([1, 2, 3, 4].map(accountLockMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50].map((n) => accountLockMs(n) / MINUTE)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });

  it('an address over 100 failures is blocked for 15, 30, 60, 120, 240, 240 minutes on repeated blocks', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => addressBlockMs(n) / MINUTE)).toEqual([15, 30, 60, 120, 240, 240, 240]);
  });

  it('counts IPv4 by address and IPv6 by /64, whatever its spelling', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('LoginThrottleService (in-process, while Redis is away)', () => {
  let throttle: LoginThrottleService;
  const attacker = '198.51.100.9';
  const user = '203.0.113.20';

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2030-01-07T09:00:00Z') });
    throttle = new LoginThrottleService(downRedis, { queuePrefix: 'unit' } as AppConfig);
  });
  afterEach(() => jest.useRealTimers());

  /** One wrong password: the attempt is counted and never given back. */
  async function fail(address: string, email: string): Promise<LoginTicket | LoginRefusal> {
    return throttle.attempt(address, email);
  }

  it('the attacker is refused after 5 failures with a 60 s wait, while the real user from another address goes ahead', async () => {
    for (let i = 0; i < 5; i++) expect((await fail(attacker, 'admin@stint.local')).allowed).toBe(true);
    expect(await fail(attacker, 'admin@stint.local')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      scope: 'account',
    });
    expect(await fail(attacker, ' ADMIN@stint.local ')).toMatchObject({ allowed: false, scope: 'account' });
    const real = await throttle.attempt(user, 'admin@stint.local');
    expect(real.allowed).toBe(true);
  });

  it('each failure after the lock doubles the wait; refused attempts do not make it longer', async () => {
    for (let i = 0; i < 5; i++) await fail(attacker, 'pat@stint.local');
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = (await fail(attacker, 'pat@stint.local')) as LoginRefusal;
      expect(refused.allowed).toBe(false);
      waits.push(refused.retryAfterSeconds);
      jest.advanceTimersByTime(refused.retryAfterSeconds * 1000 - 1000);
      expect((await fail(attacker, 'pat@stint.local')).allowed).toBe(false); // still locked, not counted
      jest.advanceTimersByTime(1000);
      expect((await fail(attacker, 'pat@stint.local')).allowed).toBe(true); // one more guess, which fails
    }
    expect(waits).toEqual([60, 120, 240, 480]);
    expect(await fail(attacker, 'pat@stint.local')).toMatchObject({ retryAfterSeconds: 960 });
  });

  it('the count is forgotten 15 minutes after the lock ends', async () => {
    for (let i = 0; i < 5; i++) await fail(attacker, 'pat@stint.local');
    jest.advanceTimersByTime(MINUTE + LOGIN_LIMITS.accountMemoryMs);
    for (let i = 0; i < 5; i++) expect((await fail(attacker, 'pat@stint.local')).allowed).toBe(true);
    expect(await fail(attacker, 'pat@stint.local')).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
  });

  it('a successful sign-in clears the failures of that address on that account', async () => {
    for (let i = 0; i < 4; i++) await fail(user, 'pat@stint.local');
    const ticket = (await throttle.attempt(user, 'pat@stint.local')) as LoginTicket;
    await throttle.succeeded(ticket);
    for (let i = 0; i < 5; i++) expect((await fail(user, 'pat@stint.local')).allowed).toBe(true);
  });

  it('an attempt that could not be checked (database down) is given back', async () => {
    for (let i = 0; i < 4; i++) await fail(user, 'pat@stint.local');
    for (let i = 0; i < 10; i++)
      await throttle.abandoned((await throttle.attempt(user, 'pat@stint.local')) as LoginTicket);
    expect((await fail(user, 'pat@stint.local')).allowed).toBe(true);
    expect(await fail(user, 'pat@stint.local')).toMatchObject({ allowed: false });
  });

  it('one address gets 100 failures across any emails, then is blocked 15 minutes; the next block within a day is 30', async () => {
    for (let i = 0; i < 100; i++) expect((await fail(attacker, `guess-${i}@stint.local`)).allowed).toBe(true);
    expect(await fail(attacker, 'fresh@stint.local')).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
      scope: 'address',
    });
    expect(await fail(attacker, 'another@stint.local')).toMatchObject({ allowed: false, scope: 'address' });
    expect((await throttle.attempt(user, 'fresh@stint.local')).allowed).toBe(true);

    jest.advanceTimersByTime(15 * MINUTE);
    for (let i = 0; i < 100; i++) expect((await fail(attacker, `more-${i}@stint.local`)).allowed).toBe(true);
    expect(await fail(attacker, 'fresh@stint.local')).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1800,
      scope: 'address',
    });
  });

  it('a blocked address is known without asking the store until the block ends, and only that address', async () => {
    for (let i = 0; i < 101; i++) await fail(attacker, `guess-${i}@stint.local`);
    expect(throttle.knownBlock(attacker)).toEqual({ allowed: false, retryAfterSeconds: 900, scope: 'address' });
    expect(throttle.knownBlock(user)).toBeNull();
    jest.advanceTimersByTime(15 * MINUTE - 1500);
    expect(throttle.knownBlock(attacker)).toMatchObject({ retryAfterSeconds: 2 });
    jest.advanceTimersByTime(1500);
    expect(throttle.knownBlock(attacker)).toBeNull();
    expect((await fail(attacker, 'after@stint.local')).allowed).toBe(true);
  });

  it('successful sign-ins from a busy address do not use up its allowance', async () => {
    for (let i = 0; i < 300; i++)
      await throttle.succeeded((await throttle.attempt(user, `colleague-${i}@stint.local`)) as LoginTicket);
    for (let i = 0; i < 100; i++) expect((await fail(user, `typo-${i}@stint.local`)).allowed).toBe(true);
  });

  it('a burst of concurrent guesses is cut off at the limit', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => fail(attacker, 'burst@stint.local')));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('an IPv6 attacker cannot escape by changing the last 64 bits', async () => {
    for (let i = 0; i < 5; i++) await fail(`2001:db8:aa:bb::${i + 1}`, 'pat@stint.local');
    expect(await fail('2001:db8:aa:bb:1234::99', 'pat@stint.local')).toMatchObject({
      allowed: false,
      scope: 'account',
    });
    expect((await fail('2001:db8:aa:bc::1', 'pat@stint.local')).allowed).toBe(true);
  });
});
