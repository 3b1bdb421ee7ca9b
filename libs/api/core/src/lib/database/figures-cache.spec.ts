import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FixedClock } from '../clock/clock';
import { FIGURES_MAX_AGE_MS, FIGURES_MAX_ENTRIES, FIGURES_SETTLE_MS, FiguresCache } from './figures-cache';
import { queryText } from './named-statement';

interface FakeDb {
  db: DataSource;
  /** What `SELECT last_value, is_called FROM figures_version` answers; a test changes it to stand for a write. */
  row: { v: string; called: boolean };
  queries: string[];
}

/** A DataSource whose only query is the version read. */
function fakeDb(): FakeDb {
  const fake: FakeDb = {
    row: { v: '5', called: true },
    queries: [],
    db: {
      query: async (sql: string) => {
        fake.queries.push(sql);
        return [{ ...fake.row }];
      },
    } as unknown as DataSource,
  };
  return fake;
}

const user = (role: AuthenticatedUser['role'], id: string): AuthenticatedUser => ({
  id,
  email: `${id}@test.stint`,
  role,
  managerId: null,
  timezone: 'UTC',
});

/** A computation that counts its calls and answers a fresh object each time, so "the same value" means the same object. */
function counter(): { calls: number; compute: () => Promise<{ n: number }> } {
  const c = {
    calls: 0,
    compute: async () => {
      c.calls += 1;
      return { n: c.calls };
    },
  };
  return c;
}

describe('FiguresCache', () => {
  const admin = user('admin', '00000000-0000-4000-8000-000000000001');
  let store: ReturnType<typeof fakeDb>;
  let clock: FixedClock;
  let cache: FiguresCache;

  beforeEach(() => {
    store = fakeDb();
    clock = new FixedClock(new Date('2027-03-01T10:00:15.000Z'));
    cache = new FiguresCache(store.db, clock);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers the same question with the same version from memory: compute runs once, the value is the same', async () => {
    const c = counter();
    const first = await cache.get(admin, 'overview', c.compute);
    const second = await cache.get(admin, 'overview', c.compute);
    expect(c.calls).toBe(1);
    expect(second).toBe(first);
    expect(second).toEqual({ n: 1 });
    // Each request still asks PostgreSQL for the version (that is what makes a write show at once).
    expect(store.queries).toHaveLength(2);
    expect(queryText(store.queries[0])).toMatch(/figures_version/);
  });

  it('uses the version the sign-in read with the caller, without asking again; another version computes again', async () => {
    const c = counter();
    const signedIn = (figuresVersion: string): AuthenticatedUser => ({ ...admin, figuresVersion });
    expect(await cache.get(signedIn('5:true'), 'overview', c.compute)).toEqual({ n: 1 });
    expect(await cache.get(signedIn('5:true'), 'overview', c.compute)).toEqual({ n: 1 });
    expect(store.queries).toHaveLength(0);
    // The same key as a caller without one (the worker, a test): the version read from PostgreSQL agrees.
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    expect(store.queries).toHaveLength(1);
    expect(await cache.get(signedIn('6:true'), 'overview', c.compute)).toEqual({ n: 2 });
    expect(c.calls).toBe(2);
  });

  it('a request that signed in before the latest write neither gets nor disturbs the newer answer', async () => {
    const c = counter();
    const signedIn = (figuresVersion: string): AuthenticatedUser => ({ ...admin, figuresVersion });
    expect(await cache.get(signedIn('7:true'), 'overview', c.compute)).toEqual({ n: 1 });
    // Its version is older than the one already seen: it computes its own answer.
    expect(await cache.get(signedIn('6:true'), 'overview', c.compute)).toEqual({ n: 2 });
    // The newer version's next reader still finds its answer.
    expect(await cache.get(signedIn('7:true'), 'overview', c.compute)).toEqual({ n: 1 });
    expect(c.calls).toBe(2);
  });

  it('computes again once the version moved (a write happened), and then serves the new answer', async () => {
    const c = counter();
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    store.row = { v: '6', called: true };
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    expect(c.calls).toBe(2);
  });

  it('tells a sequence never advanced from its first value (is_called)', async () => {
    store.row = { v: '1', called: false };
    const c = counter();
    await cache.get(admin, 'overview', c.compute);
    store.row = { v: '1', called: true };
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
  });

  it('keeps each caller’s answer apart: another id or another role computes its own', async () => {
    const c = counter();
    const manager = user('manager', '00000000-0000-4000-8000-000000000002');
    const sameIdOtherRole = user('manager', admin.id);
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    expect(await cache.get(manager, 'overview', c.compute)).toEqual({ n: 2 });
    expect(await cache.get(sameIdOtherRole, 'overview', c.compute)).toEqual({ n: 3 });
    // Each is then served from memory, to its own caller.
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    expect(await cache.get(manager, 'overview', c.compute)).toEqual({ n: 2 });
    expect(await cache.get(sameIdOtherRole, 'overview', c.compute)).toEqual({ n: 3 });
    expect(c.calls).toBe(3);
  });

  it('keeps each question apart: another `what` computes its own', async () => {
    const c = counter();
    expect(await cache.get(admin, 'capacity:2027-03-01:2027-03-07:mine', c.compute)).toEqual({ n: 1 });
    expect(await cache.get(admin, 'capacity:2027-03-01:2027-03-14:mine', c.compute)).toEqual({ n: 2 });
    expect(await cache.get(admin, 'capacity:2027-03-01:2027-03-07:mine', c.compute)).toEqual({ n: 1 });
    expect(c.calls).toBe(2);
  });

  it('computes again when the clock reaches the next minute, not within the same minute', async () => {
    const c = counter();
    await cache.get(admin, 'overview', c.compute);
    clock.advance(44_000); // 10:00:59
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    clock.advance(1_000); // 10:01:00
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    // A clock set back (a test, or a corrected clock) finds a fresh answer too, never the next minute's.
    clock.set(new Date('2027-03-01T09:59:30.000Z'));
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 3 });
  });

  it('computes again once an answer is FIGURES_MAX_AGE_MS old by the wall clock, even with nothing written', async () => {
    let wall = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => wall);
    const c = counter();
    await cache.get(admin, 'overview', c.compute);
    wall += FIGURES_MAX_AGE_MS - 1;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    wall += 1;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    // The new answer is fresh from then on.
    wall += 1_000;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    expect(c.calls).toBe(2);
  });

  it('does not keep past its moment an answer computed just as a new version appeared (the writer may not have committed)', async () => {
    let wall = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => wall);
    const c = counter();
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 1 });
    // A write: the sequence moved, and this request may have read the rows from before its commit.
    store.row = { v: '6', called: true };
    wall += 10;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    // Requests of the same moment share it ...
    wall += FIGURES_SETTLE_MS - 20;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 2 });
    // ... but once the version has settled, the answer is computed again, and that one is kept.
    wall += 20;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 3 });
    wall += 5_000;
    expect(await cache.get(admin, 'overview', c.compute)).toEqual({ n: 3 });
    expect(c.calls).toBe(3);
  });

  it('lets requests that arrive while an answer is computed share that one computation', async () => {
    let finish: (value: { n: number }) => void = () => undefined;
    const compute = jest.fn(() => new Promise<{ n: number }>((resolve) => (finish = resolve)));
    const a = cache.get(admin, 'overview', compute);
    const b = cache.get(admin, 'overview', compute);
    // Let both read the version and look the key up before the answer exists.
    await new Promise((resolve) => setImmediate(resolve));
    const c = cache.get(admin, 'overview', compute);
    await new Promise((resolve) => setImmediate(resolve));
    expect(compute).toHaveBeenCalledTimes(1);
    finish({ n: 7 });
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(ra).toEqual({ n: 7 });
    expect(rb).toBe(ra);
    expect(rc).toBe(ra);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed computation: its callers get the error, the next request computes again', async () => {
    const compute = jest
      .fn<Promise<{ n: number }>, []>()
      .mockRejectedValueOnce(new Error('connection reset'))
      .mockResolvedValueOnce({ n: 2 });
    await expect(cache.get(admin, 'overview', compute)).rejects.toThrow('connection reset');
    expect(await cache.get(admin, 'overview', compute)).toEqual({ n: 2 });
    expect(await cache.get(admin, 'overview', compute)).toEqual({ n: 2 });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('shares a failure with the requests waiting on it, without keeping it', async () => {
    let fail: (e: Error) => void = () => undefined;
    const compute = jest
      .fn<Promise<string>, []>()
      .mockImplementationOnce(() => new Promise<string>((_, reject) => (fail = reject)))
      .mockResolvedValueOnce('fine');
    const a = cache.get(admin, 'overview', compute);
    const b = cache.get(admin, 'overview', compute);
    await new Promise((resolve) => setImmediate(resolve));
    fail(new Error('timeout'));
    await expect(a).rejects.toThrow('timeout');
    await expect(b).rejects.toThrow('timeout');
    expect(await cache.get(admin, 'overview', compute)).toBe('fine');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('a cache of its own holds only as many answers as it was given room for', async () => {
    const small = FiguresCache.holding(2, store.db, clock);
    const c = counter();
    const a = await small.get(admin, 'a', c.compute);
    await small.get(admin, 'b', c.compute);
    await small.get(admin, 'c', c.compute);
    expect(c.calls).toBe(3);
    // 'a' was the least recently used of three: it went.
    expect(await small.get(admin, 'a', c.compute)).not.toBe(a);
    expect(c.calls).toBe(4);
    // The shared cache is not affected by the small one.
    expect(await cache.get(admin, 'a', c.compute)).toEqual({ n: 5 });
  });

  it('keeps at most FIGURES_MAX_ENTRIES answers, dropping the least recently used first', async () => {
    const c = counter();
    const key = (i: number) => `overview:${i}`;
    const first: Array<{ n: number }> = [];
    for (let i = 0; i < FIGURES_MAX_ENTRIES; i++) first.push(await cache.get(admin, key(i), c.compute));
    expect(c.calls).toBe(FIGURES_MAX_ENTRIES);
    // Key 0 is the oldest; reading it makes key 1 the least recently used.
    expect(await cache.get(admin, key(0), c.compute)).toBe(first[0]);
    expect(c.calls).toBe(FIGURES_MAX_ENTRIES);

    // One more key than fits: key 1 goes, key 0 (just used) and key 2 stay.
    await cache.get(admin, key(FIGURES_MAX_ENTRIES), c.compute);
    expect(c.calls).toBe(FIGURES_MAX_ENTRIES + 1);
    expect(await cache.get(admin, key(0), c.compute)).toBe(first[0]);
    expect(await cache.get(admin, key(2), c.compute)).toBe(first[2]);
    expect(c.calls).toBe(FIGURES_MAX_ENTRIES + 1);
    expect(await cache.get(admin, key(1), c.compute)).not.toBe(first[1]);
    expect(c.calls).toBe(FIGURES_MAX_ENTRIES + 2);
  });
});
