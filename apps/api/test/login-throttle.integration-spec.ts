import bcrypt from 'bcryptjs';
import Redis from 'ioredis';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { Client } from 'pg';
import { Fixtures, PASSWORD } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  ms: number;
}

/**
 * One HTTP call from a chosen client address: the whole of 127.0.0.0/8 is
 * loopback on Linux, so 127.0.0.2 and 127.0.0.3 are two different clients.
 */
function from(
  localAddress: string,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, ms: Date.now() - started });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (address: string, base: string, email: string, password: string, headers?: Record<string, string>) =>
  from(address, base, 'POST', '/api/auth/login', { email, password }, headers);

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: String(process.env['DATABASE_URL']) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('sign-in throttling and password hashing', () => {
  let t: TestApp;
  let f: Fixtures;
  let redis: Redis;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    redis = new Redis(t.config.redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  it('the attacker address gets 429 with Retry-After after 5 wrong passwords, while the real user from another address signs in at once', async () => {
    const victim = await f.user('admin');
    const attacker = '127.0.0.2';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const wrong = await login(attacker, t.url, victim.user.email, `guess-${i}`);
      statuses.push(wrong.status);
      expect(wrong.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong email or password.' });
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const limited = await login(attacker, t.url, victim.user.email, 'guess-6');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message:
        'Too many failed sign-ins for this email from your address; wait 1 minute and try again, or ask an admin to reset the password.',
      details: { retryAfterSeconds: 60 },
    });
    // Even the right password is refused from there: a 429 tells the attacker nothing about the guess.
    expect((await login(attacker, t.url, victim.user.email, PASSWORD)).status).toBe(429);

    // The real user, from their own address: no lockout, no wait.
    const real = await login('127.0.0.3', t.url, victim.user.email, PASSWORD);
    expect(real.status).toBe(200);
    expect(real.ms).toBeLessThan(1000);
    // And the attacker's address is only locked out of that one account.
    expect((await login(attacker, t.url, `someone-else-${Date.now()}@test.stint`, 'x')).status).toBe(401);
  });

  it('the wait grows: after the first lock, the next failure locks for 2 minutes, then 4; all state is in Redis under the prefix with TTLs', async () => {
    const victim = await f.user('pm', { managerId: f.admin.user.id });
    const attacker = '127.0.0.4';
    for (let i = 0; i < 5; i++) expect((await login(attacker, t.url, victim.user.email, 'wrong')).status).toBe(401);
    expect((await login(attacker, t.url, victim.user.email, 'wrong')).headers['retry-after']).toBe('60');

    const waits: string[] = [];
    for (let round = 0; round < 2; round++) {
      // Let the lock run out (as a minute passing would).
      const locks = await redis.keys(`${t.config.queuePrefix}:login:lock:${attacker}:*`);
      expect(locks).toHaveLength(1);
      await redis.del(...locks);
      expect((await login(attacker, t.url, victim.user.email, 'wrong')).status).toBe(401);
      const again = await login(attacker, t.url, victim.user.email, 'wrong');
      expect(again.status).toBe(429);
      waits.push(String(again.headers['retry-after']));
      expect(again.body).toMatchObject({ details: { retryAfterSeconds: Number(again.headers['retry-after']) } });
    }
    expect(waits).toEqual(['120', '240']);

    const keys = await redis.keys(`${t.config.queuePrefix}:login:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });

  it('one address gets 100 failures across any emails, then every sign-in from it is 429 for 15 minutes; other addresses are served', async () => {
    const bystander = await f.user('manager');
    const sprayer = '127.0.0.5';
    const stamp = Date.now();
    const first = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login(sprayer, t.url, `spray-${stamp}-${i}@test.stint`, 'Summer2030!')),
    );
    expect(first.map((r) => r.status)).toEqual(Array(100).fill(401));

    const blocked = await login(sprayer, t.url, `spray-${stamp}-new@test.stint`, 'Summer2030!');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-ins from your address; wait 15 minutes and try again.',
      details: { retryAfterSeconds: 900 },
    });
    // Once this API knows of the block, it answers before reading the body, with the same contract.
    const again = await login(sprayer, t.url, bystander.user.email, PASSWORD);
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(890);
    expect(again.headers['x-request-id']).toBeTruthy();
    expect(again.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-ins from your address; wait 15 minutes and try again.',
      details: { retryAfterSeconds: Number(again.headers['retry-after']) },
    });
    // Before validation, too: a body that would be a 400 elsewhere is still just refused.
    expect((await from(sprayer, t.url, 'POST', '/api/auth/login', { email: 42 })).status).toBe(429);
    expect((await login('127.0.0.6', t.url, bystander.user.email, PASSWORD)).status).toBe(200);
  });

  it('a spoofed X-Forwarded-For does not give the attacker a fresh address unless TRUST_PROXY names the proxy', async () => {
    const victim = await f.user('manager');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await login('127.0.0.7', t.url, victim.user.email, 'wrong', { 'x-forwarded-for': `198.51.100.${i + 1}` }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    // Behind a trusted proxy (here: loopback), the address the proxy reports is the client.
    const proxied = await startTestApp({ TRUST_PROXY: 'loopback' });
    try {
      const sameClient: number[] = [];
      for (let i = 0; i < 6; i++) {
        sameClient.push(
          (await login('127.0.0.8', proxied.url, victim.user.email, 'wrong', { 'x-forwarded-for': '203.0.113.50' }))
            .status,
        );
      }
      expect(sameClient).toEqual([401, 401, 401, 401, 401, 429]);
      const otherClient = await login('127.0.0.8', proxied.url, victim.user.email, PASSWORD, {
        'x-forwarded-for': '203.0.113.51',
      });
      expect(otherClient.status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('a bcrypt hash from before argon2 still signs in and is replaced by an argon2id hash; a wrong password changes nothing', async () => {
    const legacy = await f.user('pm', { managerId: f.admin.user.id });
    const bcryptHash = bcrypt.hashSync(PASSWORD, 10);
    await sql(`UPDATE users SET password_hash = $1 WHERE id = $2`, [bcryptHash, legacy.user.id]);
    const hashOf = async () =>
      (await sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [legacy.user.id]))[0]
        ?.password_hash;

    expect((await login('127.0.0.9', t.url, legacy.user.email, 'not-it')).status).toBe(401);
    expect(await hashOf()).toBe(bcryptHash);

    expect((await login('127.0.0.9', t.url, legacy.user.email, PASSWORD)).status).toBe(200);
    const rehashed = await hashOf();
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login('127.0.0.9', t.url, legacy.user.email, PASSWORD)).status).toBe(200);
    expect(await hashOf()).toBe(rehashed);
  });

  it('a password longer than 1024 characters is a 400 naming password (sign-in, create, change); 1024 works in full, past byte 72', async () => {
    const long = 'p'.repeat(1025);
    for (const answer of [
      await call(t.url, 'POST', '/api/auth/login', { body: { email: 'admin@stint.local', password: long } }),
      await call(t.url, 'POST', '/api/users', {
        token: f.admin.token,
        body: { email: `long-${Date.now()}@test.stint`, name: 'Long', role: 'manager', password: long },
      }),
      await call(t.url, 'PATCH', `/api/users/${f.admin.user.id}`, { token: f.admin.token, body: { password: long } }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: { fields: { password: 'password must be at most 1024 characters' } },
      });
    }

    const exact = `${'q'.repeat(1000)}-${'z'.repeat(23)}`;
    expect(exact).toHaveLength(1024);
    const created = await call<{ email: string }>(t.url, 'POST', '/api/users', {
      token: f.admin.token,
      body: { email: `exact-${Date.now()}@test.stint`, name: 'Exact', role: 'manager', password: exact },
    });
    expect(created.status).toBe(201);
    expect((await login('127.0.0.10', t.url, created.body.email, exact)).status).toBe(200);
    // bcrypt would have read only the first 72 bytes and let this in.
    expect((await login('127.0.0.10', t.url, created.body.email, `${'q'.repeat(1000)}-${'y'.repeat(23)}`)).status).toBe(
      401,
    );
  });

  it('a deactivated account answers exactly like a wrong password, whether or not the password is right', async () => {
    const leaver = await f.user('manager');
    const deactivated = await call(t.url, 'PATCH', `/api/users/${leaver.user.id}`, {
      token: f.admin.token,
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);

    const right = await login('127.0.0.11', t.url, leaver.user.email, PASSWORD);
    const wrong = await login('127.0.0.11', t.url, leaver.user.email, 'not-it');
    const unknown = await login('127.0.0.11', t.url, `nobody-${Date.now()}@test.stint`, PASSWORD);
    for (const answer of [right, wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHORIZED',
        message: 'Wrong email or password.',
        details: {},
      });
    }
    // The right password does not clear the failures either (that would tell a guesser it was right).
    for (let i = 0; i < 3; i++) await login('127.0.0.11', t.url, leaver.user.email, PASSWORD);
    expect((await login('127.0.0.11', t.url, leaver.user.email, PASSWORD)).status).toBe(429);

    await call(t.url, 'PATCH', `/api/users/${leaver.user.id}`, { token: f.admin.token, body: { active: true } });
    expect((await login('127.0.0.12', t.url, leaver.user.email, PASSWORD)).status).toBe(200);
  });

  it('an unknown email costs as much as a known one (no fast path that tells which emails exist)', async () => {
    const known = await f.user('manager');
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 4; i++) {
      knownMs.push((await login('127.0.0.13', t.url, known.user.email, `wrong-${i}`)).ms);
      unknownMs.push((await login('127.0.0.13', t.url, `ghost-${Date.now()}-${i}@test.stint`, `wrong-${i}`)).ms);
    }
    expect(median(unknownMs)).toBeGreaterThanOrEqual(median(knownMs) * 0.5);
  });
});
