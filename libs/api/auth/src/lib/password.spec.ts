import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('has no 72-byte cut: passwords that differ only after byte 72 are different', async () => {
    const base = 'x'.repeat(80);
    const hash = await hashPassword(`${base}-one`);
    await expect(verifyPassword(`${base}-two`, hash)).resolves.toBe(false);
  });

  it('still verifies a bcrypt hash from before argon2, and says it needs a rehash', async () => {
    const legacy = bcrypt.hashSync('old-password', 4);
    await expect(verifyPassword('old-password', legacy)).resolves.toBe(true);
    await expect(verifyPassword('wrong', legacy)).resolves.toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('a missing, malformed or over-long input is false, never an error', async () => {
    const hash = await hashPassword('pw');
    await expect(verifyPassword('pw', '')).resolves.toBe(false);
    await expect(verifyPassword('pw', 'not-a-hash')).resolves.toBe(false);
    await expect(verifyPassword('pw', '$argon2id$garbage')).resolves.toBe(false);
    await expect(verifyPassword('p'.repeat(PASSWORD_MAX_LENGTH + 1), hash)).resolves.toBe(false);
    await expect(hashPassword('p'.repeat(PASSWORD_MAX_LENGTH + 1))).rejects.toThrow(/at most 1024/);
  });

  it('one queue (client address) flooding the hash does not make another wait behind it', async () => {
    const hash = await hashPassword('pw');
    const order: string[] = [];
    const flood = Array.from({ length: 30 }, (_, i) =>
      verifyPassword(`guess-${i}`, hash, 'attacker').then(() => order.push('attacker')),
    );
    const user = verifyPassword('pw', hash, 'user').then((ok) => order.push(ok ? 'user' : 'user-failed'));
    await Promise.all([...flood, user]);
    expect(order).toContain('user');
    expect(order.indexOf('user')).toBeLessThan(5);
  });

  it('hashing runs off the event loop: timers keep firing during 20 concurrent hashes', async () => {
    let ticks = 0;
    let worstGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      ticks += 1;
      worstGap = Math.max(worstGap, Date.now() - last);
      last = Date.now();
    }, 5);
    await Promise.all(Array.from({ length: 20 }, (_, i) => hashPassword(`password-${i}`)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
    expect(worstGap).toBeLessThan(100);
  });
});
