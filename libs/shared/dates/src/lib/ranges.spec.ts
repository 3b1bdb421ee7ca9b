import { eachDay, endDateFor, maxDate, minDate, rangesOverlap } from './ranges';

describe('endDateFor', () => {
  it.each([
    ['2027-01-04', 1, '2027-01-10'],
    ['2027-01-04', 2, '2027-01-17'],
    ['2027-01-04', 4, '2027-01-31'],
    ['2027-01-04', 12, '2027-03-28'],
    ['2027-12-20', 2, '2028-01-02'],
    ['2028-02-23', 1, '2028-02-29'],
    ['2027-01-06', 1, '2027-01-12'], // a Wednesday start ends on a Tuesday
  ])('%s for %i weeks ends on %s', (start, weeks, expected) => expect(endDateFor(start, weeks)).toBe(expected));

  it('refuses a duration that is not a positive whole number of weeks', () => {
    expect(() => endDateFor('2027-01-04', 0)).toThrow(RangeError);
    expect(() => endDateFor('2027-01-04', 1.5)).toThrow(RangeError);
  });
});

describe('rangesOverlap', () => {
  it('counts a shared end day as overlap (ranges are inclusive)', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-10', '2027-01-12')).toBe(true);
    expect(rangesOverlap('2027-01-10', '2027-01-12', '2027-01-04', '2027-01-10')).toBe(true);
  });

  it('does not count adjacent ranges', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-11', '2027-01-17')).toBe(false);
    expect(rangesOverlap('2027-01-11', '2027-01-17', '2027-01-04', '2027-01-10')).toBe(false);
  });

  it('sees containment and single days', () => {
    expect(rangesOverlap('2027-01-01', '2027-12-31', '2027-06-01', '2027-06-01')).toBe(true);
    expect(rangesOverlap('2027-06-01', '2027-06-01', '2027-01-01', '2027-12-31')).toBe(true);
  });

  it('treats a range that ends before it starts as empty', () => {
    expect(rangesOverlap('2027-01-03', '2027-01-12', '2027-01-10', '2027-01-05')).toBe(false);
  });
});

describe('eachDay', () => {
  it('lists every day inclusive, across a month end', () => {
    expect(eachDay('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
  });

  it('gives one day for a one-day range and none for a reversed one', () => {
    expect(eachDay('2027-01-04', '2027-01-04')).toEqual(['2027-01-04']);
    expect(eachDay('2027-01-05', '2027-01-04')).toEqual([]);
  });
});

describe('minDate and maxDate', () => {
  it('pick the earlier and the later date', () => {
    expect(minDate('2027-01-04', '2026-12-31')).toBe('2026-12-31');
    expect(maxDate('2027-01-04', '2026-12-31')).toBe('2027-01-04');
    expect(minDate('2027-01-04', '2027-01-04')).toBe('2027-01-04');
  });
});
