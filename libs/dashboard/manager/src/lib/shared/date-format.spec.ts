import { setDisplayPreferences } from '@stint/dashboard-ui';
import { formatDay, formatInstant, formatRange, formatShort, formatWeekday } from './date-format';

afterEach(() => setDisplayPreferences({ locale: 'en-GB', timezone: 'UTC' }));

describe('date labels', () => {
  it('formats dates in words, whatever the host time zone', () => {
    expect(formatDay('2027-01-04')).toBe('4 Jan 2027');
    expect(formatWeekday('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatShort('2027-01-04')).toBe('4 Jan');
  });

  it('shortens the start of a range within one year', () => {
    expect(formatRange('2027-01-04', '2027-01-31')).toBe('4 Jan – 31 Jan 2027');
    expect(formatRange('2026-12-28', '2027-01-10')).toBe('28 Dec 2026 – 10 Jan 2027');
  });

  it('leaves what is not a date or an instant as it is', () => {
    expect(formatDay('2027-02-29')).toBe('2027-02-29');
    expect(formatInstant(null)).toBe('');
    expect(formatInstant('soon')).toBe('soon');
  });

  it('shows an instant in the given zone, else the viewer’s, and names it', () => {
    expect(formatInstant('2027-01-04T09:00:00.000Z', 'Europe/Berlin')).toBe('Mon 4 Jan 2027, 10:00 CET');
    setDisplayPreferences({ locale: 'en-US', timezone: 'America/New_York' });
    expect(formatInstant('2027-01-04T15:00:00.000Z')).toBe('Mon, Jan 4, 2027, 10:00 AM EST');
    expect(formatDay('2027-01-04')).toBe('Jan 4, 2027');
    expect(formatRange('2027-01-04', '2027-01-31')).toBe('Jan 4 – Jan 31, 2027');
  });
});
