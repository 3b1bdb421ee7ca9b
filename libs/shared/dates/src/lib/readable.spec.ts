import { readableDate, readableRange } from './readable';

describe('readableDate', () => {
  it('writes a date in words for the locale, never in ISO form', () => {
    expect(readableDate('2027-01-04')).toBe('Mon, 4 Jan 2027');
    expect(readableDate('2027-01-04', 'en-US')).toBe('Mon, Jan 4, 2027');
    expect(readableDate('2027-01-04', 'de-DE')).toBe('Mo., 4. Jan. 2027');
  });

  it('keeps the day whatever the process time zone, and falls back to en-GB for a malformed locale', () => {
    expect(readableDate('2026-12-31', 'not a locale!')).toBe('Thu, 31 Dec 2026');
    expect(readableDate('2026-13-40')).toBe('2026-13-40');
  });

  it('writes a range, or one day when both ends agree', () => {
    expect(readableRange('2027-01-04', '2027-01-15')).toBe('Mon, 4 Jan 2027 – Fri, 15 Jan 2027');
    expect(readableRange('2027-01-04', '2027-01-04')).toBe('Mon, 4 Jan 2027');
  });
});
