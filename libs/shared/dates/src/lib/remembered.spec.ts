import { remembered } from './remembered';

describe('remembered', () => {
  it('makes each answer once per key, and starts afresh once it holds as many as it keeps', () => {
    const made: string[] = [];
    const answer = remembered<string>(2);
    const ask = (key: string) =>
      answer(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    expect([ask('a'), ask('b'), ask('a'), ask('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(made).toEqual(['a', 'b']);
    ask('c'); // full: emptied, then c kept
    ask('a');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps nothing for a key whose making throws', () => {
    const answer = remembered<number>(10);
    expect(() =>
      answer('bad', () => {
        throw new RangeError('unknown zone');
      }),
    ).toThrow(RangeError);
    expect(answer('bad', () => 7)).toBe(7);
  });
});
