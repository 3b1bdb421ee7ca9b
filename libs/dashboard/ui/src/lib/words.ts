/** "3 rotations", "1 rotation": a count with its noun, for every screen. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
