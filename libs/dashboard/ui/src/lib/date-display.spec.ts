import {
  displayLocale,
  formatDate,
  formatDay,
  formatInstant,
  formatInstantInZone,
  formatRange,
  formatShortRange,
  resolveLocale,
  setDisplayPreferences,
  theirLocalTime,
} from './date-display';

afterEach(() => setDisplayPreferences({ locale: 'en-GB', timezone: 'UTC' }));

describe('date display', () => {
  it('writes a calendar date with its weekday, whatever the browser zone', () => {
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('writes a range, and a single day once', () => {
    expect(formatRange('2027-01-04', '2027-01-08')).toBe('Mon 4 Jan 2027 – Fri 8 Jan 2027');
    expect(formatRange('2027-01-04', '2027-01-04')).toBe('Mon 4 Jan 2027');
    expect(formatShortRange('2027-01-04', '2027-01-31')).toBe('4 Jan – 31 Jan 2027');
    expect(formatShortRange('2026-12-28', '2027-01-10')).toBe('28 Dec 2026 – 10 Jan 2027');
  });

  it('writes an instant in the zone asked for, a dash when there is none', () => {
    expect(formatInstant('2027-07-05T08:00:00.000Z', 'Europe/Berlin')).toBe('Mon 5 Jul 2027, 10:00 CEST');
    expect(formatInstant(null, 'UTC')).toBe('—');
    expect(formatInstant('soon', 'UTC')).toBe('soon');
  });

  it('writes an instant in the viewer’s zone when no zone is named', () => {
    setDisplayPreferences({ locale: 'en-GB', timezone: 'America/New_York' });
    expect(formatInstant('2027-01-12T15:00:00Z')).toBe('Tue 12 Jan 2027, 10:00 EST');
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

describe('the viewer’s locale', () => {
  it('writes dates and times the American way for en-US', () => {
    setDisplayPreferences({ locale: 'en-US', timezone: 'America/New_York' });
    expect(formatDay('2027-01-04')).toBe('Mon, Jan 4, 2027');
    expect(formatDate('2027-01-04')).toBe('Jan 4, 2027');
    expect(formatInstant('2027-01-12T15:00:00Z')).toBe('Tue, Jan 12, 2027, 10:00 AM EST');
    expect(formatInstant('2027-01-12T09:00:00Z', 'Europe/Berlin')).toBe('Tue, Jan 12, 2027, 10:00 AM CET');
  });

  it('writes dates and times the German way for de-DE, naming the zone in German', () => {
    setDisplayPreferences({ locale: 'de-DE', timezone: 'Europe/Berlin' });
    expect(formatDay('2027-01-04')).toBe('Mo. 4. Jan. 2027');
    expect(formatInstant('2027-01-12T09:00:00Z')).toBe('Di. 12. Jan. 2027, 10:00 MEZ');
    expect(formatInstant('2027-01-12T15:00:00Z', 'America/New_York')).toBe('Di. 12. Jan. 2027, 10:00 EST');
  });

  it('follows the browser when the profile names no locale, and ignores a tag that is no locale', () => {
    const language = jest.spyOn(globalThis.navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(resolveLocale(null)).toBe('de-DE');
    expect(resolveLocale('en-US')).toBe('en-US');
    expect(resolveLocale('not a tag!')).toBe('de-DE');
    setDisplayPreferences({ locale: null, timezone: 'UTC' });
    expect(displayLocale()).toBe('de-DE');
    language.mockRestore();
  });
});

describe('theirLocalTime: another person’s clock beside the viewer’s', () => {
  it('names their time and city when their zone shows another time', () => {
    expect(theirLocalTime('2027-01-12T09:00:00Z', 'Europe/Berlin', 'Ana', 'America/New_York')).toBe(
      '10:00 in Berlin for Ana',
    );
    setDisplayPreferences({ locale: 'en-US', timezone: 'Europe/London' });
    expect(theirLocalTime('2027-01-12T15:00:00Z', 'America/New_York', 'Ben')).toBe('10:00 AM in New York for Ben');
  });

  it('says nothing when both clocks agree or a zone is unknown', () => {
    expect(theirLocalTime('2027-01-12T09:00:00Z', 'Europe/Berlin', 'Ana', 'Europe/Paris')).toBeNull();
    expect(theirLocalTime('2027-01-12T09:00:00Z', 'Mars/Olympus', 'Ana', 'UTC')).toBeNull();
    expect(theirLocalTime(null, 'Europe/Berlin', 'Ana', 'UTC')).toBeNull();
  });
});
