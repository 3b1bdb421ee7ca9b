import { sortChange, sortItems } from './sorting';

interface Item {
  name: string;
  n: number | null;
}

const items: Item[] = [
  { name: 'émilie', n: 3 },
  { name: 'Bob', n: null },
  { name: 'alice', n: 10 },
  { name: 'Dan', n: 2 },
];
const keys = { name: (i: Item) => i.name, n: (i: Item) => i.n };

describe('sortItems', () => {
  it('sorts text by the locale, ignoring case and accents', () => {
    expect(sortItems(items, keys, 'name', 'asc').map((i) => i.name)).toEqual(['alice', 'Bob', 'Dan', 'émilie']);
    expect(sortItems(items, keys, 'name', 'desc').map((i) => i.name)).toEqual(['émilie', 'Dan', 'Bob', 'alice']);
  });

  it('sorts numbers numerically and puts blanks last either way', () => {
    expect(sortItems(items, keys, 'n', 'asc').map((i) => i.n)).toEqual([2, 3, 10, null]);
    expect(sortItems(items, keys, 'n', 'desc').map((i) => i.n)).toEqual([10, 3, 2, null]);
  });

  it('leaves the order alone for an unknown column and never mutates the input', () => {
    const copy = [...items];
    expect(sortItems(items, keys, 'nope', 'asc')).toEqual(items);
    sortItems(items, keys, 'name', 'asc');
    expect(items).toEqual(copy);
  });

  it('reads a sort header event as filters, a cleared sort as ascending', () => {
    expect(sortChange<'pm' | 'team'>({ active: 'team', direction: 'desc' })).toEqual({ sort: 'team', dir: 'desc' });
    expect(sortChange({ active: 'pm', direction: '' })).toEqual({ sort: 'pm', dir: 'asc' });
  });
});
