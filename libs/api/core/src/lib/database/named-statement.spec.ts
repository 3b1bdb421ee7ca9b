import { asQuery, namedQuery, namedStatement, queryText } from './named-statement';

describe('namedStatement', () => {
  it('names the same text the same way, and another text another way', () => {
    const one = namedStatement('SELECT 1');
    expect(namedStatement('SELECT 1')).toBe(one);
    expect(one.name).toMatch(/^stint_[0-9a-f]{24}$/);
    expect(namedStatement('SELECT 2').name).not.toBe(one.name);
    expect(one.text).toBe('SELECT 1');
  });

  it('passes through TypeORM as the object node-postgres reads, and logs as its text', () => {
    const query = namedQuery('SELECT $1::int AS n');
    expect(query).toEqual({ name: namedStatement('SELECT $1::int AS n').name, text: 'SELECT $1::int AS n' });
    expect(queryText(query)).toBe('SELECT $1::int AS n');
    expect(queryText(asQuery(namedStatement('SELECT 3')))).toBe('SELECT 3');
    expect(queryText('SELECT 4')).toBe('SELECT 4');
  });
});
