import { formatDay, formatInstant, formatLateness, formatRange, isTimeZone, timeZones } from './format';

describe('formatting', () => {
  it('prints calendar dates and ranges', () => {
    expect(formatDay('2027-03-29')).toBe('Mon 29 Mar 2027');
    expect(formatRange('2027-03-29', '2027-03-29')).toBe('Mon 29 Mar 2027');
    expect(formatRange('2027-03-29', '2027-04-02')).toBe('Mon 29 Mar 2027 – Fri 2 Apr 2027');
  });

  it('prints instants in a time zone, and a dash for none', () => {
    expect(formatInstant('2027-01-04T09:00:00.000Z', 'America/New_York')).toBe('Mon 4 Jan 2027, 04:00 EST');
    expect(formatInstant(null, 'UTC')).toBe('—');
  });

  it('says how late a job ran', () => {
    expect(formatLateness(-200)).toBe('on time');
    expect(formatLateness(400)).toBe('on time');
    expect(formatLateness(45_000)).toBe('45 s late');
    expect(formatLateness(12 * 60_000)).toBe('12 min late');
    expect(formatLateness(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min late');
    expect(formatLateness(3_600_000)).toBe('1 h late');
    expect(formatLateness(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h late');
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(timeZones()[0]).toBe('UTC');
    expect(timeZones()).toContain('Asia/Singapore');
  });
});
