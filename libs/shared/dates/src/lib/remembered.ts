/**
 * A pure function's answers kept by key, at most `kept` of them: emptied when full, so that keys made up by
 * callers cannot grow it without end. For readings that cost more to make than to look up (Intl formatting).
 */
export function remembered<V>(kept: number): (key: string, make: () => V) => V {
  const answers = new Map<string, V>();
  return (key, make) => {
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = make();
    if (answers.size >= kept) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
