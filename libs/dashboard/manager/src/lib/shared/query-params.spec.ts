import { convertToParamMap } from '@angular/router';
import { param, readQuery, withChange, writeQuery, type QuerySpec } from './query-params';

interface Filters {
  status: 'open' | 'closed' | '';
  team: string;
  from: string | null;
  q: string;
  page: number;
  pageSize: number;
}

const SPEC: QuerySpec<Filters> = {
  status: param.oneOf(['', 'open', 'closed'], ''),
  team: param.id(),
  from: param.date(() => '2027-01-04'),
  q: param.text(),
  page: param.int(1, 1, 1000),
  pageSize: param.choice([10, 25, 50], 25),
};

const read = (query: Record<string, string>) => readQuery(SPEC, convertToParamMap(query));

describe('filters in the URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(read({})).toEqual({ status: '', team: '', from: '2027-01-04', q: '', page: 1, pageSize: 25 });
  });

  it('reads what the URL says', () => {
    expect(
      read({
        status: 'open',
        team: '6f1c2b7e-0000-4000-8000-000000000001',
        from: '2027-03-01',
        q: ' emea ',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      status: 'open',
      team: '6f1c2b7e-0000-4000-8000-000000000001',
      from: '2027-03-01',
      q: 'emea',
      page: 3,
      pageSize: 50,
    });
  });

  it('falls back to defaults on anything malformed, never throwing', () => {
    expect(read({ status: 'bogus', team: 'abc', from: '2027-02-30', page: '-2', pageSize: '13' })).toEqual({
      status: '',
      team: '',
      from: '2027-01-04',
      q: '',
      page: 1,
      pageSize: 25,
    });
    expect(read({ page: '2.5' }).page).toBe(1);
    expect(read({ page: '99999' }).page).toBe(1);
  });

  it('writes only what differs from the defaults (null drops a parameter)', () => {
    expect(writeQuery(SPEC, { status: '', team: '', from: '2027-01-04', q: '', page: 1, pageSize: 25 })).toEqual({
      status: null,
      team: null,
      from: null,
      q: null,
      page: null,
      pageSize: null,
    });
    expect(
      writeQuery(SPEC, {
        status: 'closed',
        team: '6f1c2b7e-0000-4000-8000-0000000000ff',
        from: '2027-02-01',
        q: 'x',
        page: 2,
        pageSize: 10,
      }),
    ).toEqual({
      status: 'closed',
      team: '6f1c2b7e-0000-4000-8000-0000000000ff',
      from: '2027-02-01',
      q: 'x',
      page: '2',
      pageSize: '10',
    });
  });

  it('round-trips: what is written reads back the same', () => {
    const value: Filters = {
      status: 'open',
      team: '6f1c2b7e-0000-4000-8000-000000000abc',
      from: '2027-05-03',
      q: 'latam',
      page: 4,
      pageSize: 50,
    };
    const written = writeQuery(SPEC, value);
    const params = Object.fromEntries(Object.entries(written).filter((e): e is [string, string] => e[1] !== null));
    expect(read(params)).toEqual(value);
  });

  it('goes back to page 1 when a filter changes, but not when paging', () => {
    const current: Filters = { status: '', team: '', from: null, q: '', page: 3, pageSize: 25 };
    expect(withChange(current, { status: 'open' }).page).toBe(1);
    expect(withChange(current, { page: 4 }).page).toBe(4);
    expect(withChange(current, { page: 2, pageSize: 50 })).toMatchObject({ page: 2, pageSize: 50 });
    expect(withChange(current, { q: 'x', page: 3 }).page).toBe(3);
  });
});
