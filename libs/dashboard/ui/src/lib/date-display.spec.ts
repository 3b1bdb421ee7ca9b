import { formatDay, formatInstant, formatRange } from './date-display';

describe('date display', () => {
  it('writes a calendar date with its weekday, whatever the browser zone', () => {
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('writes a range, and a single day once', () => {
    expect(formatRange('2027-01-04', '2027-01-08')).toBe('Mon 4 Jan 2027 – Fri 8 Jan 2027');
    expect(formatRange('2027-01-04', '2027-01-04')).toBe('Mon 4 Jan 2027');
  });

  it('writes an instant in the zone asked for, a dash when there is none', () => {
    expect(formatInstant('2027-07-05T08:00:00.000Z', 'Europe/Berlin')).toBe('Mon 5 Jul 2027, 10:00');
    expect(formatInstant(null, 'UTC')).toBe('—');
  });
});
