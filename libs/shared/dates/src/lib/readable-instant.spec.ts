import { readableInstant, zoneAbbreviation } from './readable-instant';

describe('readableInstant', () => {
  const winter = new Date('2027-01-11T09:00:00.000Z');

  it('writes an instant in the reader’s locale and zone, the zone named', () => {
    expect(readableInstant(winter, 'Europe/Berlin')).toBe('Mon, 11 Jan 2027, 10:00 CET');
    expect(readableInstant(winter, 'America/New_York', 'en-US')).toBe('Mon, Jan 11, 2027, 4:00 AM EST');
    expect(readableInstant(winter, 'Europe/Berlin', 'de-DE')).toBe('Mo., 11. Jan. 2027, 10:00 MEZ');
    expect(readableInstant(new Date('2027-07-11T08:00:00.000Z'), 'Europe/Berlin')).toBe('Sun, 11 Jul 2027, 10:00 CEST');
  });

  it('falls back to en-GB for a tag that is no locale and to UTC for an unknown zone', () => {
    expect(readableInstant(winter, 'Europe/Berlin', 'not a tag!')).toBe('Mon, 11 Jan 2027, 10:00 CET');
    expect(readableInstant(winter, 'Mars/Olympus')).toBe('Mon, 11 Jan 2027, 09:00 UTC');
  });

  it('writes the hour the locale’s way: two digits on a 24-hour clock', () => {
    const early = new Date('2027-01-11T08:05:00.000Z');
    expect(readableInstant(early, 'Europe/Berlin')).toBe('Mon, 11 Jan 2027, 09:05 CET');
    expect(readableInstant(early, 'Europe/London', 'en-US')).toBe('Mon, Jan 11, 2027, 8:05 AM GMT');
  });

  it('names a zone with no common letters by its offset', () => {
    expect(zoneAbbreviation(winter, 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(zoneAbbreviation(winter, 'America/New_York', 'de-DE')).toBe('EST');
  });
});
