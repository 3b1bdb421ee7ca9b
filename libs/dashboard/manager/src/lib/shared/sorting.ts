export type SortDirection = 'asc' | 'desc';

/** Accessors for the sortable columns of a list, by column name. */
export type SortKeys<T> = Record<string, (item: T) => string | number | null | undefined>;

/** A sort header's event as a list's filters: the column, and its direction (a cleared sort reads as ascending). */
export function sortChange<S extends string>(event: {
  active: string;
  direction: string;
}): { sort: S; dir: SortDirection } {
  return { sort: event.active as S, dir: (event.direction || 'asc') as SortDirection };
}

/**
 * A sorted copy (stable; blanks last in either direction). Text compares
 * with the locale's collation so "Émilie" sorts next to "Emily".
 */
export function sortItems<T>(items: readonly T[], keys: SortKeys<T>, column: string, direction: SortDirection): T[] {
  const accessor = keys[column];
  if (!accessor) return [...items];
  const factor = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, key: accessor(item) }))
    .sort((a, b) => {
      const aBlank = a.key === null || a.key === undefined || a.key === '';
      const bBlank = b.key === null || b.key === undefined || b.key === '';
      if (aBlank || bBlank) return aBlank === bBlank ? a.index - b.index : aBlank ? 1 : -1;
      const order =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key), undefined, { sensitivity: 'base', numeric: true });
      return order === 0 ? a.index - b.index : order * factor;
    })
    .map((entry) => entry.item);
}
