import type { ParamMap } from '@angular/router';

/** A whole number from the URL within [min, max], or the fallback when missing or nonsense. */
export function intParam(
  value: string | null | undefined,
  fallback: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === null || value === undefined || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n < min ? min : n > max ? max : n;
}

/** One of the allowed values from the URL, or null. */
export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The names of the paging parameters: `page`/`pageSize`, or with a prefix `placementsPage`/`placementsPageSize`. */
export function pageKeys(prefix = ''): { page: string; pageSize: string } {
  const key = (name: string) => (prefix ? `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}` : name);
  return { page: key('page'), pageSize: key('pageSize') };
}

/** `?page=2&pageSize=20` (or with a prefix, `?placementsPage=2`), bounded to what the API accepts. */
export function pageQuery(params: ParamMap, prefix = '', defaultSize = 20): PageQuery {
  const keys = pageKeys(prefix);
  return {
    page: intParam(params.get(keys.page), 1),
    pageSize: intParam(params.get(keys.pageSize), defaultSize, 1, 200),
  };
}
