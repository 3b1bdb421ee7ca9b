/**
 * The loops in a line-management graph, where each person has at most one
 * line manager (`managerOf`: person → manager, or null/absent for none): each
 * loop once, as its people in order, starting from the first one met. A
 * manager missing from the map ends the chain. Linear in the number of people,
 * with no recursion, so 10,000 people in one chain are fine.
 */
export function managerCycles(managerOf: ReadonlyMap<string, string | null>): string[][] {
  const DONE = -1;
  /** For a person on the chain being walked: their position on it; DONE once their chain is known. */
  const state = new Map<string, number>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let at: string | null | undefined = start;
    while (at != null && managerOf.has(at) && !state.has(at)) {
      state.set(at, path.length);
      path.push(at);
      at = managerOf.get(at);
    }
    // Back on this walk's own chain: the people from there on form a loop.
    const position = at == null ? undefined : state.get(at);
    if (position !== undefined && position !== DONE && path[position] === at) cycles.push(path.slice(position));
    for (const person of path) state.set(person, DONE);
  }
  return cycles;
}
