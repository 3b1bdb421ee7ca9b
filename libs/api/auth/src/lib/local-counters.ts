/** Counters with expiry, in this process: the stand-in while Redis is away (the same rules as login-throttle.scripts.ts). */
export class LocalCounters {
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
