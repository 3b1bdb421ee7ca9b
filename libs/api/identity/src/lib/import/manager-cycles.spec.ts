import { managerCycles } from './manager-cycles';

const graph = (edges: Record<string, string | null>) => new Map(Object.entries(edges));

describe('managerCycles', () => {
  it('finds nothing in a tree, a forest, or chains that end at someone outside the map', () => {
    expect(managerCycles(graph({ a: null, b: 'a', c: 'a', d: 'c', e: null, f: 'nobody' }))).toEqual([]);
  });

  it('finds each loop once, in order from the first person met, and leaves out who merely points into it', () => {
    const loops = managerCycles(graph({ a: 'b', b: 'a', c: 'a', d: 'e', e: 'f', f: 'd', g: 'g' }));
    expect(loops).toEqual([['a', 'b'], ['d', 'e', 'f'], ['g']]);
  });

  it('walks 100,000 people in one chain without recursion', () => {
    const edges = new Map<string, string | null>();
    for (let i = 0; i < 100_000; i++) edges.set(`p${i}`, i === 0 ? 'p99999' : `p${i - 1}`);
    const loops = managerCycles(edges);
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(100_000);
  });
});
