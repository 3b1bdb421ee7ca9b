import fc from 'fast-check';
import { addDays, diffDays, fromDayNumber, isIsoDate, isoWeekday, toDayNumber, weekStart } from './calendar';

// 2027-01-01 is a Friday; 2027-01-04 a Monday.

describe('isIsoDate', () => {
  it.each(['2027-01-04', '2028-02-29', '2000-02-29', '2027-12-31', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );

  it.each([
    '2027-02-29', // 2027 is not a leap year
    '1900-02-29', // century, not divisible by 400
    '2027-02-30',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '0000-01-01',
    '2027-1-4',
    '27-01-04',
    '4.1.2027',
    '2027/01/04',
    '2027-01-04T00:00',
    ' 2027-01-04',
    '',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));

  it.each([null, undefined, 20270104, new Date(0)])('rejects the non-string %p', (value) =>
    expect(isIsoDate(value)).toBe(false),
  );
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(11_017)).toBe('2000-03-01');
  });

  it('throws on a string that is not a date', () => {
    expect(() => toDayNumber('2027-02-30')).toThrow(RangeError);
  });

  it('agrees with Date.UTC on every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        return fromDayNumber(n) === iso && toDayNumber(iso) === n;
      }),
      { numRuns: 300 },
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-01'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2026-12-30', 3, '2027-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2027-01-04', 0, '2027-01-04'],
    ['2027-01-04', 365, '2028-01-04'],
    ['2027-03-27', 2, '2027-03-29'], // across the EU clock change: still whole days
  ])('%s + %i days = %s', (d, n, expected) => expect(addDays(d, n)).toBe(expected));

  it('refuses a bad date or a fractional count', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2027-01-04', 1.5)).toThrow(RangeError);
  });
});

describe('diffDays', () => {
  it('is to − from in days', () => {
    expect(diffDays('2027-01-04', '2027-01-11')).toBe(7);
    expect(diffDays('2027-01-11', '2027-01-04')).toBe(-7);
    expect(diffDays('2027-01-04', '2027-01-04')).toBe(0);
    expect(diffDays('2027-01-04', '2027-01-31')).toBe(27);
    expect(diffDays('2027-01-01', '2027-03-01')).toBe(59);
    expect(diffDays('2027-01-01', '2028-01-01')).toBe(365);
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
    expect(diffDays('2027-03-27', '2027-03-29')).toBe(2);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2027-01-04', 1], // Monday
    ['2028-02-29', 2], // Tuesday
    ['1970-01-01', 4], // Thursday
    ['2027-01-01', 5], // Friday
    ['2027-01-02', 6], // Saturday
    ['2000-01-01', 6], // Saturday
    ['2027-01-03', 7], // Sunday, 7 and never 0
    ['1969-12-28', 7], // a Sunday before day 0
  ])('%s is ISO weekday %i', (d, expected) => expect(isoWeekday(d)).toBe(expected));

  it('agrees with Date#getUTCDay on every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const jsDay = new Date(n * 86_400_000).getUTCDay(); // 0 = Sunday
        return isoWeekday(fromDayNumber(n)) === (jsDay === 0 ? 7 : jsDay);
      }),
      { numRuns: 300 },
    );
  });
});

describe('weekStart', () => {
  it.each([
    ['2027-01-04', '2027-01-04'], // a Monday is its own week start
    ['2027-01-10', '2027-01-04'], // Sunday belongs to the week before
    ['2027-01-01', '2026-12-28'], // across the year boundary
    ['2027-03-03', '2027-03-01'],
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('the week of %s starts on %s', (d, expected) => expect(weekStart(d)).toBe(expected));
});
