import {
  addDays,
  dayOfWeek,
  diffDays,
  endDateFor,
  formatDay,
  formatRange,
  isIsoDate,
  rangesOverlap,
  todayIso,
  weekStart,
} from './dates';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2027-01-04')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-1-4')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(diffDays('2027-01-04', '2027-01-31')).toBe(27);
  });

  it('finds the Monday of a week, whatever the host time zone', () => {
    expect(dayOfWeek('2027-01-04')).toBe(0);
    expect(weekStart('2027-01-10')).toBe('2027-01-04');
    expect(weekStart('2027-01-04')).toBe('2027-01-04');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('ends a rotation of W weeks on start + 7W − 1', () => {
    expect(endDateFor('2027-01-04', 4)).toBe('2027-01-31');
    expect(endDateFor('2027-01-04', 1)).toBe('2027-01-10');
  });

  it('tells inclusive ranges that share a day', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-10', '2027-01-20')).toBe(true);
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-11', '2027-01-20')).toBe(false);
  });

  it('reads today from the local calendar and formats dates in words', () => {
    expect(todayIso(new Date(2027, 0, 4, 23, 30))).toBe('2027-01-04');
    expect(formatDay('2027-01-04')).toBe('4 Jan 2027');
    expect(formatRange('2027-01-04', '2027-01-31')).toBe('4 Jan – 31 Jan 2027');
    expect(formatRange('2026-12-28', '2027-01-10')).toBe('28 Dec 2026 – 10 Jan 2027');
  });
});
