import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../clock/clock';
import type { PageWindow } from '../http/page-query.dto';
import { PreparedJson } from '../http/prepared-json';
import { asQuery, namedStatement } from './named-statement';

/** How long a cached figure may be served while nothing was written: it bounds time-dependent counts (overdue, due this week). */
export const FIGURES_MAX_AGE_MS = 60_000;
/** Cached answers kept per process; the least recently used goes first. */
export const FIGURES_MAX_ENTRIES = 500;

/**
 * How long after this process first sees a new version an answer computed under it is not kept for later
 * requests. The trigger advances the sequence while the writer commits, a moment before its rows become
 * visible: a read in that moment finds the new version with the old rows. Commits end well within this.
 */
export const FIGURES_SETTLE_MS = 250;

interface Entry {
  version: string;
  storedAt: number;
  /** Computed once its version had settled (FIGURES_SETTLE_MS): it may be served to any later request. */
  settled: boolean;
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
 * answer under the old version. The sequence moves as the writer commits, a
 * moment before its rows show: an answer computed just after a version
 * appeared serves only requests of that moment (FIGURES_SETTLE_MS). A figure
 * that moves with time alone is at most FIGURES_MAX_AGE_MS old. Requests that
 * arrive while an answer is being computed share it. Also used for the home's
 * work lists, list pages and list totals.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new Map<string, Entry>();
  /** The latest version this process saw, and when it first saw it (null: none seen yet). */
  private seen: { version: string; at: number } | null = null;
  private maxEntries = FIGURES_MAX_ENTRIES;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A cache of its own holding at most `maxEntries` answers: for answers too large to keep 500 of. */
  static holding(maxEntries: number, db: DataSource, clock: Clock): FiguresCache {
    const cache = new FiguresCache(db, clock);
    cache.maxEntries = maxEntries;
    return cache;
  }

  get<T>(caller: AuthenticatedUser, what: string, compute: () => Promise<T>): Promise<T> {
    return this.remember(`${caller.role}:${caller.id}:${what}`, compute, caller.figuresVersion);
  }

  /** As `get`, kept as JSON text (a large answer served many times costs its serialisation once). */
  getJson<T>(caller: AuthenticatedUser, what: string, compute: () => Promise<T>): Promise<PreparedJson<T>> {
    return this.get(caller, `json:${what}`, async () => PreparedJson.of(await compute()));
  }

  /**
   * As `get`, for an answer that `key` alone names (e.g. a count whose SQL and parameters carry the caller's
   * visibility). `knownVersion`: the version as read earlier in this request (the sign-in reads it with the user).
   */
  async remember<T>(key: string, compute: () => Promise<T>, knownVersion?: string): Promise<T> {
    key = `${Math.floor(this.clock.now().getTime() / 60_000)}:${key}`;
    const version = knownVersion ?? (await this.version());
    const now = Date.now();
    // The first version a process sees is no news of a write; a later one is. A request that signed in before
    // the latest write carries an older version: it computes its own answer and leaves the cache as it is.
    if (!this.seen) this.seen = { version, at: now - FIGURES_SETTLE_MS };
    else if (position(version) > position(this.seen.version)) this.seen = { version, at: now };
    else if (version !== this.seen.version) return compute();
    const settled = now - this.seen.at >= FIGURES_SETTLE_MS;
    const held = this.entries.get(key);
    this.entries.delete(key);
    const fresh = held && held.version === version && now - held.storedAt < FIGURES_MAX_AGE_MS;
    if (held && fresh && (held.settled || !settled)) {
      this.entries.set(key, held);
      return held.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, storedAt: now, settled, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  private async version(): Promise<string> {
    const rows: FiguresVersionRow[] = await this.db.query(asQuery(namedStatement(FIGURES_VERSION_SELECT)));
    return figuresVersionOf(rows[0]);
  }
}

/** The sequence's position as a statement (the sign-in joins it to the caller's row): `v` and `called`. */
export const FIGURES_VERSION_SELECT = `SELECT last_value::text AS v, is_called AS called FROM figures_version`;

export interface FiguresVersionRow {
  v: string;
  called: boolean;
}

/** How far the sequence has advanced, from a version string (`5:true` is 5, `1:false` is 0). */
function position(version: string): number {
  const [value, called] = version.split(':');
  return Number(value) - (called === 'true' ? 0 : 1);
}

/** The version as FiguresCache compares it: `is_called` tells the sequence's first value from "never advanced". */
export function figuresVersionOf(row: FiguresVersionRow | undefined): string {
  return `${row?.v}:${row?.called}`;
}

/** Largest page kept in the figures cache: with FIGURES_MAX_ENTRIES, it bounds the memory the pages take (tens of MB). */
export const CACHED_PAGE_MAX_SIZE = 100;

/**
 * A page of a list, kept in the figures cache under the list's name and everything asked (filter, window,
 * include), while nothing is written. Item statuses move with the date or an overdue moment, both on whole
 * minutes, and the cache's key holds the minute. Pages larger than CACHED_PAGE_MAX_SIZE, and those asked in a
 * heavy form (`cacheable` false, e.g. with every check-in), are computed every time.
 */
export function cachedPage<T>(
  figures: FiguresCache,
  caller: AuthenticatedUser,
  list: string,
  question: { window: PageWindow; cacheable?: boolean; [part: string]: unknown },
  compute: () => Promise<T>,
): Promise<T> {
  if (question.cacheable === false || question.window.pageSize > CACHED_PAGE_MAX_SIZE) return compute();
  return figures.get(caller, `page:${list}:${JSON.stringify(question)}`, compute);
}
