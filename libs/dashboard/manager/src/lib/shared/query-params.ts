import { isIsoDate, type IsoDate } from '@stint/shared-dates';

/**
 * Filters live in the URL so a screen can be bookmarked, shared and reloaded.
 * A spec maps each filter to a codec that reads it from a query parameter
 * (falling back to its default on anything malformed) and writes it back,
 * leaving defaults out so URLs stay short.
 */
export interface ParamCodec<T> {
  parse(raw: string | null): T;
  /** The parameter's text, or null when the value is the default (left out of the URL). */
  format(value: T): string | null;
}

type Default<T> = T | (() => T);
const resolve = <T>(value: Default<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

export const param = {
  text(fallback = ''): ParamCodec<string> {
    return {
      parse: (raw) => (raw === null ? fallback : raw.trim().slice(0, 200)),
      format: (value) => (value.trim() === fallback ? null : value.trim()),
    };
  },

  int(fallback: number, min: number, max: number): ParamCodec<number> {
    return {
      parse: (raw) => {
        if (raw === null || !/^-?\d+$/.test(raw)) return fallback;
        const n = Number(raw);
        return n < min || n > max ? fallback : n;
      },
      format: (value) => (value === fallback ? null : String(value)),
    };
  },

  oneOf<const V extends string>(values: readonly V[], fallback: V): ParamCodec<V> {
    return {
      parse: (raw) => (raw !== null && (values as readonly string[]).includes(raw) ? (raw as V) : fallback),
      format: (value) => (value === fallback ? null : value),
    };
  },

  /** One of a fixed set of numbers (page sizes, week counts). */
  choice(values: readonly number[], fallback: number): ParamCodec<number> {
    return {
      parse: (raw) => (raw !== null && values.includes(Number(raw)) ? Number(raw) : fallback),
      format: (value) => (value === fallback ? null : String(value)),
    };
  },

  /** A calendar date; the default may be computed (e.g. this week's Monday). */
  date(fallback: Default<IsoDate | null>): ParamCodec<IsoDate | null> {
    return {
      parse: (raw) => (isIsoDate(raw) ? raw : resolve(fallback)),
      format: (value) => (value === resolve(fallback) ? null : value),
    };
  },

  /** A UUID (the API's ids); anything else reads as "none" rather than becoming a 400 from the API. */
  id(): ParamCodec<string> {
    return {
      parse: (raw) =>
        raw !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw) ? raw : '',
      format: (value) => value || null,
    };
  },
};

export type QuerySpec<T> = { [K in keyof T]: ParamCodec<T[K]> };

/** Anything with `get(name)`: Angular's ParamMap or URLSearchParams. */
export interface ParamSource {
  get(name: string): string | null;
}

export function readQuery<T>(spec: QuerySpec<T>, source: ParamSource): T {
  const result = {} as T;
  for (const key of Object.keys(spec) as Array<keyof T & string>) {
    result[key] = spec[key].parse(source.get(key));
  }
  return result;
}

/**
 * Query parameters for `value`; defaults map to null, which Angular's router
 * drops from the URL (also when merging with parameters already there).
 */
export function writeQuery<T>(spec: QuerySpec<T>, value: T): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const key of Object.keys(spec) as Array<keyof T & string>) {
    result[key] = spec[key].format(value[key]);
  }
  return result;
}

/**
 * The filters after a change. Any change but a page move goes back to page 1,
 * since the old page number means nothing in a new result set.
 */
export function withChange<T extends { page: number }>(current: T, change: Partial<T>): T {
  const next = { ...current, ...change };
  if (change.page === undefined) next.page = 1;
  return next;
}
