import fc from 'fast-check';
import { zonedDateTimeToInstant } from './zones';

describe('zonedDateTimeToInstant', () => {
  const iso = (date: string, time: string, tz: string): string => zonedDateTimeToInstant(date, time, tz).toISOString();

  it('converts plain wall-clock times', () => {
    expect(iso('2027-01-04', '10:00', 'UTC')).toBe('2027-01-04T10:00:00.000Z');
    expect(iso('2027-01-04', '10:00', 'Asia/Kolkata')).toBe('2027-01-04T04:30:00.000Z');
    expect(iso('2027-01-04', '10:00', 'America/New_York')).toBe('2027-01-04T15:00:00.000Z');
    expect(iso('2027-01-04', '00:00', 'Pacific/Kiritimati')).toBe('2027-01-03T10:00:00.000Z');
  });

  it('follows Berlin onto summer time on 2027-03-28', () => {
    expect(iso('2027-03-26', '10:00', 'Europe/Berlin')).toBe('2027-03-26T09:00:00.000Z');
    expect(iso('2027-03-29', '10:00', 'Europe/Berlin')).toBe('2027-03-29T08:00:00.000Z');
    expect(iso('2027-03-28', '01:59', 'Europe/Berlin')).toBe('2027-03-28T00:59:00.000Z');
    expect(iso('2027-03-28', '03:00', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
  });

  it('moves a time in the spring-forward gap to the first instant after it', () => {
    // 02:00–02:59 never happens in Berlin on 2027-03-28; 03:00 CEST = 01:00Z.
    expect(iso('2027-03-28', '02:30', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
    expect(iso('2027-03-28', '02:00', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
    // New York skips 02:00–02:59 on 2027-03-14; 03:00 EDT = 07:00Z.
    expect(iso('2027-03-14', '02:30', 'America/New_York')).toBe('2027-03-14T07:00:00.000Z');
    // Lord Howe Island moves by half an hour: 02:00 → 02:30 on 2027-10-03.
    expect(iso('2027-10-03', '02:15', 'Australia/Lord_Howe')).toBe('2027-10-02T15:30:00.000Z');
    // Santiago skips midnight: 00:00–00:59 on 2027-09-05 never happens.
    expect(iso('2027-09-05', '00:00', 'America/Santiago')).toBe('2027-09-05T04:00:00.000Z');
    expect(iso('2027-09-05', '00:30', 'America/Santiago')).toBe('2027-09-05T04:00:00.000Z');
  });

  it('finds the gap in a far-off year as well', () => {
    // Berlin's rule holds in 2040 too: 02:00–02:59 on 2040-03-25 never happens.
    expect(iso('2040-03-25', '02:30', 'Europe/Berlin')).toBe('2040-03-25T01:00:00.000Z');
    expect(iso('2040-10-28', '02:30', 'Europe/Berlin')).toBe('2040-10-28T00:30:00.000Z');
  });

  it('takes the earlier of the two instants when clocks fall back', () => {
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(iso('2027-10-31', '02:30', 'Europe/Berlin')).toBe('2027-10-31T00:30:00.000Z');
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso('2027-11-07', '01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
    // Santiago repeats 23:00–23:59 on 2027-04-03: first at −03:00.
    expect(iso('2027-04-03', '23:30', 'America/Santiago')).toBe('2027-04-04T02:30:00.000Z');
    expect(iso('2027-10-31', '10:00', 'Europe/Berlin')).toBe('2027-10-31T09:00:00.000Z');
  });

  it('refuses a malformed time, date or zone', () => {
    expect(() => zonedDateTimeToInstant('2027-01-04', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2027-01-04', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2027-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2027-01-04', '09:00', 'Mars/Base')).toThrow(RangeError);
  });

  it('round-trips any minute: the answer reads the same on the wall, and is the earliest such', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Auckland',
    ];
    const wall = (t: Date, timeZone: string): string =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(t); // "2027-01-04 10:00"
    // Clock changes in 2027 (Berlin, New York, Santiago), as minutes since the epoch.
    const transitions = [
      '2027-03-28T01:00Z',
      '2027-10-31T01:00Z',
      '2027-03-14T07:00Z',
      '2027-11-07T06:00Z',
      '2027-04-04T03:00Z',
      '2027-09-05T04:00Z',
    ].map((s) => Date.parse(s) / 60_000);
    const minutes = fc.oneof(
      fc.integer({ min: 29_453_760, max: 30_504_959 }), // any minute of 2026 or 2027
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -150, max: 150 })).map(([at, delta]) => at + delta),
    );
    fc.assert(
      fc.property(minutes, fc.constantFrom(...zones), (minute, tz) => {
        const t = new Date(minute * 60_000);
        const reading = wall(t, tz);
        const result = zonedDateTimeToInstant(reading.slice(0, 10), reading.slice(11), tz);
        return (
          wall(result, tz) === reading &&
          result.getTime() <= t.getTime() &&
          // the earlier reading, if any, is at most 1 hour before
          t.getTime() - result.getTime() <= 3_600_000
        );
      }),
      { numRuns: 300 },
    );
  });
});
