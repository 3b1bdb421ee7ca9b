import { DATE_RANGE_PARAMS, inputDate, inputWeek, shiftWindow } from './date-range';
import { readQuery, writeQuery } from './query-params';

const change = (value: string | null) => value;

describe('date range', () => {
  it('reads a date input: a whole date, or null when cleared or incomplete', () => {
    expect(inputDate(change('2027-01-06'))).toBe('2027-01-06');
    expect(inputDate(change(''))).toBeNull();
    expect(inputDate(change('2027-02-30'))).toBeNull();
    expect(inputDate(change(null))).toBeNull();
  });

  it('snaps a picked day to the Monday of its week', () => {
    expect(inputWeek(change('2027-01-06'))).toBe('2027-01-04');
    expect(inputWeek(change(''))).toBeNull();
  });

  it('moves a window by its own length', () => {
    expect(shiftWindow('2027-01-04', 4, 1)).toBe('2027-02-01');
    expect(shiftWindow('2027-01-04', 12, -1)).toBe('2026-10-12');
  });

  it('keeps the range in the URL, leaving open ends out', () => {
    const params = new URLSearchParams('from=2027-01-04&to=nonsense');
    expect(readQuery(DATE_RANGE_PARAMS, params)).toEqual({ from: '2027-01-04', to: null });
    expect(writeQuery(DATE_RANGE_PARAMS, { from: null, to: '2027-03-31' })).toEqual({ from: null, to: '2027-03-31' });
  });
});
