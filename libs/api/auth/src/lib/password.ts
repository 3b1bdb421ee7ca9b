import { Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { availableParallelism } from 'node:os';

/**
 * The longest password accepted anywhere (sign-in, create, change). Argon2
 * reads every byte (no 72-byte cut as with bcrypt), and this bound keeps one
 * request from feeding it megabytes.
 */
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about
 * 15–40 ms per hash here, computed on libuv's thread pool by a prebuilt
 * native addon, never on the event loop.
 */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The PHC prefix of a hash made with exactly these parameters; anything else is rehashed on the next sign-in. */
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * At most this many hashes run at once (2 of libuv's 4 threads, fewer on a
 * single core), so a flood of sign-ins queues here instead of starving the
 * thread pool that DNS lookups and file reads share, and leaves a core to
 * the event loop. Waiting work is served round-robin by queue (the client
 * address, for sign-ins): one address flooding the hash cannot make anyone
 * else wait more than a hash or two.
 */
const MAX_CONCURRENT = Math.max(1, Math.min(2, availableParallelism() - 1));
let running = 0;
/** Waiting work by queue; the Map's order is the round-robin order. */
const queues = new Map<string, Array<() => void>>();

function acquire(queue: string): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const waiting = queues.get(queue);
    if (waiting) waiting.push(resolve);
    else queues.set(queue, [resolve]);
  });
}

function release(): void {
  const first = queues.entries().next();
  if (first.done) {
    running -= 1;
    return;
  }
  const [queue, waiting] = first.value;
  const next = waiting.shift();
  queues.delete(queue);
  if (waiting.length > 0) queues.set(queue, waiting); // to the back of the round
  next?.(); // the slot passes straight on
}

async function limited<T>(queue: string, work: () => Promise<T>): Promise<T> {
  await acquire(queue);
  try {
    return await work();
  } finally {
    release();
  }
}

function tooLong(plain: string): boolean {
  return plain.length > PASSWORD_MAX_LENGTH;
}

/** `queue`: whose turn this is in the round-robin (see MAX_CONCURRENT); sign-ins pass the client address. */
export function hashPassword(plain: string, queue = 'default'): Promise<string> {
  if (tooLong(plain))
    return Promise.reject(new Error(`A password may have at most ${PASSWORD_MAX_LENGTH} characters.`));
  return limited(queue, () => hash(plain, ARGON2));
}

let dummy: Promise<string> | null = null;

/** An argon2 hash of a random secret, computed once: verified against when the email is unknown, so that costs the same. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}

/**
 * True when `plain` matches `stored`: an argon2 hash, or a bcrypt hash
 * (`$2a$`/`$2b$`/`$2y$`) from before argon2, which still verifies until the
 * next sign-in rehashes it. Anything else (or a password longer than
 * PASSWORD_MAX_LENGTH) is false after the same argon2 work as a real check.
 */
export async function verifyPassword(plain: string, stored: string, queue = 'default'): Promise<boolean> {
  if (/^\$2[aby]\$\d\d\$/.test(stored) && !tooLong(plain)) {
    return bcrypt.compare(plain, stored);
  }
  const usable = stored.startsWith('$argon2') && !tooLong(plain);
  const target = usable ? stored : await dummyHash();
  const candidate = tooLong(plain) ? '' : plain;
  try {
    const ok = await limited(queue, () => verify(target, candidate));
    return usable && ok;
  } catch {
    return false; // a malformed stored hash
  }
}

/** True when `stored` was not made by hashPassword's current parameters (bcrypt, older argon2). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}
