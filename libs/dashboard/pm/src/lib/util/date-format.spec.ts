import { formatDay, formatInstant, formatRange, weeksLabel } from './date-format';

describe('date labels', () => {
  it('formats days and instants for people', () => {
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatInstant('2027-01-04T09:00:00.000Z', 'Europe/Berlin')).toBe('Mon 4 Jan 2027, 10:00 CET');
    expect(weeksLabel(1)).toBe('1 week');
    expect(weeksLabel(3)).toBe('3 weeks');
  });

  it('formats a range and leaves what is not a date or an instant as it is', () => {
    expect(formatRange('2027-01-04', '2027-01-31')).toBe('Mon 4 Jan 2027 – Sun 31 Jan 2027');
    expect(formatDay('2027-02-30')).toBe('2027-02-30');
    expect(formatInstant('soon', 'UTC')).toBe('soon');
  });

  it('shows an instant in UTC when the zone is unknown', () => {
    expect(formatInstant('2027-01-04T09:00:00.000Z', 'Not/AZone')).toBe('Mon 4 Jan 2027, 09:00 UTC');
  });
});
