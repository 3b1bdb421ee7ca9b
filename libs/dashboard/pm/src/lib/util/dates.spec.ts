import {
  addDays,
  diffDays,
  endDateFor,
  formatDay,
  formatInstant,
  isIsoDate,
  rangesOverlap,
  todayIn,
  weeksLabel,
} from './dates';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2027-01-04')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('4.1.2027')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('adds days across months and years without time-zone drift', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(diffDays('2027-01-01', '2027-03-01')).toBe(59);
  });

  it('ends a stint on start + 7 × weeks − 1', () => {
    expect(endDateFor('2027-01-04', 4)).toBe('2027-01-31');
    expect(endDateFor('2027-01-04', 1)).toBe('2027-01-10');
  });

  it('treats ranges as inclusive on both ends', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-10', '2027-01-20')).toBe(true);
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-11', '2027-01-20')).toBe(false);
  });

  it('knows today in a time zone', () => {
    const now = new Date('2027-01-04T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2027-01-04');
    expect(todayIn('Asia/Singapore', now)).toBe('2027-01-05');
    expect(todayIn('Not/AZone', now)).toBe('2027-01-04');
  });

  it('formats days and instants for people', () => {
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatInstant('2027-01-04T09:00:00.000Z', 'Europe/Berlin')).toBe('Mon 4 Jan 2027, 10:00');
    expect(weeksLabel(1)).toBe('1 week');
    expect(weeksLabel(3)).toBe('3 weeks');
  });
});
