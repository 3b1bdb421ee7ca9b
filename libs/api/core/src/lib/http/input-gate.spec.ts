import { csvContentType, findBadText, isDateInRange, jsonDepth } from './input-gate';

describe('input gate', () => {
  it('measures JSON nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('"plain"')).toBe(0);
    // 100,000 levels: a linear scan, no stack overflow, and it stops early once over the limit.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepth(deep)).toBe(100_000);
    expect(jsonDepth(deep, 32)).toBe(33);
  });

  it('refuses NUL and other control characters everywhere, and line breaks outside multi-line fields', () => {
    expect(findBadText({ name: 'Pat\u0000' })).toEqual(['name', expect.stringContaining('control character')]);
    expect(findBadText({ goals: ['ok', 'bad\u0007'] })).toEqual([
      'goals[1]',
      expect.stringContaining('control character'),
    ]);
    expect(findBadText({ ratings: { notes: 'x\u001b[31m' } })).toEqual(['ratings.notes', expect.any(String)]);
    expect(findBadText({ name: 'two\nlines' })).toEqual(['name', expect.stringContaining('single line')]);
    expect(findBadText({ motivation: 'two\nlines\tand a tab' })).toBeNull();
    expect(findBadText({ notes: 'still no NUL\u0000' })).toEqual(['notes', expect.any(String)]);
    expect(findBadText({ ['bad\u0000key']: 1 })).toEqual(['value', expect.stringContaining('field name')]);
    expect(findBadText('abc\u0000', 'id')).toEqual(['id', expect.any(String)]);
    expect(findBadText({ name: 'Zoë Ünal — 東京' })).toBeNull();
  });

  it('accepts dates from 2000-01-01 to 2100-12-31 only', () => {
    expect(isDateInRange('2000-01-01')).toBe(true);
    expect(isDateInRange('2100-12-31')).toBe(true);
    expect(isDateInRange('1999-12-31')).toBe(false);
    expect(isDateInRange('2101-01-01')).toBe(false);
    expect(isDateInRange('9999-12-31')).toBe(false);
  });
});

describe('csvContentType', () => {
  it('tells CSV (UTF-8 or unstated, in any case) from CSV in another charset and from anything else', () => {
    expect(csvContentType('text/csv')).toBe('utf-8');
    expect(csvContentType('Text/CSV; charset="UTF-8"')).toBe('utf-8');
    expect(csvContentType('text/csv;charset=utf8')).toBe('utf-8');
    expect(csvContentType('text/csv; charset=iso-8859-1')).toBe('other-charset');
    for (const other of [undefined, '', 'text/plain', 'application/json', 'text/csvx', 'application/csv'])
      expect(csvContentType(other)).toBe('none');
  });
});
