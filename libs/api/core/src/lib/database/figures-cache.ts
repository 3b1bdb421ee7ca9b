import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../clock/clock';

/** How long a cached figure may be served while nothing was written: it bounds time-dependent counts (overdue, due this week). */
export const FIGURES_MAX_AGE_MS = 60_000;
/** Cached answers kept per process; the least recently used goes first. */
export const FIGURES_MAX_ENTRIES = 500;

interface Entry {
  version: string;
  storedAt: number;
  value: Promise<unknown>;
}

/**
 * Programme-wide figures (the overview, the outcomes report, capacity across
 * every team, the timeline's window) aggregate up to every placement and
 * check-in: hundreds of milliseconds per request at programme scale, though
 * they change only when someone writes. Each answer is kept per process under
 * what was asked, who asked (visibility differs per user) and the minute of
 * the clock, and is served again only while `figures_version` is unchanged: a
 * sequence that a deferred trigger on every table the figures read advances
 * once per committed transaction (migration FiguresVersion). A write shows in
 * the next request, and a read during a write still uncommitted keeps its
 * answer under the old version; a figure that moves with time alone is at most
 * FIGURES_MAX_AGE_MS old. Requests that arrive while an answer is being
 * computed share it. Also used for the home's work lists and list totals.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  get<T>(caller: AuthenticatedUser, what: string, compute: () => Promise<T>): Promise<T> {
    return this.remember(`${caller.role}:${caller.id}:${what}`, compute);
  }

  /** As `get`, for an answer that `key` alone names (e.g. a count whose SQL and parameters carry the caller's visibility). */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    key = `${Math.floor(this.clock.now().getTime() / 60_000)}:${key}`;
    const version = await this.version();
    const now = Date.now();
    const held = this.entries.get(key);
    this.entries.delete(key);
    if (held && held.version === version && now - held.storedAt < FIGURES_MAX_AGE_MS) {
      this.entries.set(key, held);
      return held.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, storedAt: now, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > FIGURES_MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** The sequence's position: `is_called` tells its first value from "never advanced". */
  private async version(): Promise<string> {
    const rows: Array<{ v: string; called: boolean }> = await this.db.query(
      `SELECT last_value::text AS v, is_called AS called FROM figures_version`,
    );
    return `${rows[0]?.v}:${rows[0]?.called}`;
  }
}
