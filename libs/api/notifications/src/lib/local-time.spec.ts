import { localDate, localRange, localTime } from './local-time';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('dates in emails, as the reader reads them', () => {
  const at = new Date('2027-01-11T15:00:00.000Z');

  it('writes an instant in the reader’s zone and locale, the zone named', () => {
    expect(localTime(at, { timezone: 'America/New_York', locale: 'en-US' })).toBe('Mon, Jan 11, 2027, 10:00 AM EST');
    expect(localTime(at, { timezone: 'Europe/Berlin', locale: 'de-DE' })).toBe('Mo., 11. Jan. 2027, 16:00 MEZ');
  });

  it('falls back to British English when the reader has no locale, or gives only a zone', () => {
    expect(localTime(at, { timezone: 'Europe/Berlin', locale: null })).toBe('Mon, 11 Jan 2027, 16:00 CET');
    expect(localTime(at, 'UTC')).toBe('Mon, 11 Jan 2027, 15:00 UTC');
  });

  it('writes calendar dates and ranges in the reader’s locale, never ISO', () => {
    const reader = { timezone: 'America/New_York', locale: 'en-US' };
    expect(localDate('2027-01-04', reader)).toBe('Mon, Jan 4, 2027');
    expect(localRange('2027-01-04', '2027-01-15', reader)).toBe('Mon, Jan 4, 2027 – Fri, Jan 15, 2027');
    expect(localRange('2027-01-04', '2027-01-15', { timezone: 'UTC' })).toBe('Mon, 4 Jan 2027 – Fri, 15 Jan 2027');
    expect(localRange('2027-01-04', '2027-01-15', reader)).not.toMatch(ISO_DATE);
  });
});
