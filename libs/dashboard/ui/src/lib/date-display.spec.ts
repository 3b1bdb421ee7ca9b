import { formatDay, formatInstant, formatInstantInZone, formatRange } from './date-display';

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

describe('formatInstantInZone: every time names its zone', () => {
  it('shows the instant in the reader’s zone with the zone’s short name, summer and winter', () => {
    expect(formatInstantInZone('2027-01-12T09:00:00Z', 'Europe/Berlin')).toBe('Tue 12 Jan 2027, 10:00 CET');
    expect(formatInstantInZone('2027-07-12T08:00:00Z', 'Europe/Berlin')).toBe('Mon 12 Jul 2027, 10:00 CEST');
    expect(formatInstantInZone('2027-01-12T15:00:00Z', 'America/New_York')).toBe('Tue 12 Jan 2027, 10:00 EST');
    expect(formatInstantInZone('2027-01-12T10:00:00Z', 'UTC')).toBe('Tue 12 Jan 2027, 10:00 UTC');
  });

  it('names zones without a common abbreviation by their offset, and falls back to UTC for an unknown zone', () => {
    expect(formatInstantInZone('2027-01-12T04:30:00Z', 'Asia/Kolkata')).toBe('Tue 12 Jan 2027, 10:00 GMT+5:30');
    expect(formatInstantInZone('2027-01-12T10:00:00Z', 'Mars/Olympus')).toBe('Tue 12 Jan 2027, 10:00 UTC');
    expect(formatInstantInZone(null, 'UTC')).toBe('—');
  });
});
