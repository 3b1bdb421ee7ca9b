import fc from 'fast-check';
import {
  addDays,
  dayOfWeek,
  diffDays,
  eachDay,
  endDateFor,
  fromDayNumber,
  isClockTime,
  isIsoDate,
  isValidTimeZone,
  rangesOverlap,
  toDayNumber,
  todayIn,
  weekStart,
  zonedDateTimeToInstant,
} from './dates';

// 2027-01-01 is a Friday; 2027-01-04 a Monday.

describe('isIsoDate', () => {
  it.each(['2027-01-04', '2028-02-29', '2000-02-29', '2027-12-31', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );

  it.each([
    '2027-02-29', // 2027 is not a leap year
    '1900-02-29', // century, not divisible by 400
    '2027-02-30',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '0000-01-01',
    '2027-1-4',
    '27-01-04',
    '2027/01/04',
    '2027-01-04T00:00',
    ' 2027-01-04',
    '',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(11_017)).toBe('2000-03-01');
  });

  it('throws on a string that is not a date', () => {
    expect(() => toDayNumber('2027-02-30')).toThrow(RangeError);
  });

  it('agrees with Date.UTC on every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        return fromDayNumber(n) === iso && toDayNumber(iso) === n;
      }),
      { numRuns: 300 },
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-01'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2027-01-04', 0, '2027-01-04'],
    ['2027-01-04', 365, '2028-01-04'],
    ['2027-03-27', 2, '2027-03-29'], // across the EU clock change: still whole days
  ])('%s + %i days = %s', (d, n, expected) => expect(addDays(d, n)).toBe(expected));

  it('refuses a bad date or a fractional count', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2027-01-04', 1.5)).toThrow(RangeError);
  });
});

describe('diffDays', () => {
  it('is to − from in days', () => {
    expect(diffDays('2027-01-04', '2027-01-11')).toBe(7);
    expect(diffDays('2027-01-11', '2027-01-04')).toBe(-7);
    expect(diffDays('2027-01-04', '2027-01-04')).toBe(0);
    expect(diffDays('2027-01-01', '2028-01-01')).toBe(365);
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
    expect(diffDays('2027-03-27', '2027-03-29')).toBe(2);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2027-01-01', 5], // Friday
    ['2027-01-02', 6], // Saturday
    ['2027-01-03', 0], // Sunday
    ['2027-01-04', 1], // Monday
    ['1970-01-01', 4], // Thursday
    ['2000-01-01', 6], // Saturday
    ['2028-02-29', 2], // Tuesday
  ])('%s is day %i', (d, expected) => expect(dayOfWeek(d)).toBe(expected));
});

describe('weekStart', () => {
  it.each([
    ['2027-01-04', '2027-01-04'], // a Monday is its own week start
    ['2027-01-10', '2027-01-04'], // Sunday belongs to the week before
    ['2027-01-01', '2026-12-28'], // across the year boundary
    ['2027-03-03', '2027-03-01'],
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('the week of %s starts on %s', (d, expected) => expect(weekStart(d)).toBe(expected));
});

describe('endDateFor', () => {
  it.each([
    ['2027-01-04', 1, '2027-01-10'],
    ['2027-01-04', 2, '2027-01-17'],
    ['2027-01-04', 12, '2027-03-28'],
    ['2027-12-20', 2, '2028-01-02'],
    ['2028-02-23', 1, '2028-02-29'],
    ['2027-01-06', 1, '2027-01-12'], // a Wednesday start ends on a Tuesday
  ])('%s for %i weeks ends on %s', (start, weeks, expected) => expect(endDateFor(start, weeks)).toBe(expected));

  it('refuses a duration that is not a positive whole number of weeks', () => {
    expect(() => endDateFor('2027-01-04', 0)).toThrow(RangeError);
    expect(() => endDateFor('2027-01-04', 1.5)).toThrow(RangeError);
  });
});

describe('rangesOverlap', () => {
  it('counts a shared end day as overlap (ranges are inclusive)', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-10', '2027-01-12')).toBe(true);
    expect(rangesOverlap('2027-01-10', '2027-01-12', '2027-01-04', '2027-01-10')).toBe(true);
  });

  it('does not count adjacent ranges', () => {
    expect(rangesOverlap('2027-01-04', '2027-01-10', '2027-01-11', '2027-01-17')).toBe(false);
    expect(rangesOverlap('2027-01-11', '2027-01-17', '2027-01-04', '2027-01-10')).toBe(false);
  });

  it('sees containment and single days', () => {
    expect(rangesOverlap('2027-01-01', '2027-12-31', '2027-06-01', '2027-06-01')).toBe(true);
    expect(rangesOverlap('2027-06-01', '2027-06-01', '2027-01-01', '2027-12-31')).toBe(true);
  });

  it('treats a range that ends before it starts as empty', () => {
    expect(rangesOverlap('2027-01-03', '2027-01-12', '2027-01-10', '2027-01-05')).toBe(false);
  });
});

describe('eachDay', () => {
  it('lists every day inclusive, across a month end', () => {
    expect(eachDay('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
  });

  it('gives one day for a one-day range and none for a reversed one', () => {
    expect(eachDay('2027-01-04', '2027-01-04')).toEqual(['2027-01-04']);
    expect(eachDay('2027-01-05', '2027-01-04')).toEqual([]);
  });
});

describe('isClockTime', () => {
  it.each(['00:00', '09:05', '10:00', '23:59'])('accepts %s', (s) => expect(isClockTime(s)).toBe(true));
  it.each(['24:00', '9:00', '10:60', '10:00:00', '1000', ''])('rejects %j', (s) => expect(isClockTime(s)).toBe(false));
});

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires'])('accepts %s', (tz) =>
    expect(isValidTimeZone(tz)).toBe(true),
  );
  it.each(['Mars/Olympus_Mons', 'Europe/Berlinn', '+01:00', ''])('rejects %j', (tz) =>
    expect(isValidTimeZone(tz)).toBe(false),
  );
});

describe('todayIn', () => {
  it('reads the calendar date on the wall in the zone', () => {
    const lateMonday = new Date('2027-01-04T23:30:00Z');
    expect(todayIn('UTC', lateMonday)).toBe('2027-01-04');
    expect(todayIn('Europe/Berlin', lateMonday)).toBe('2027-01-05'); // 00:30 CET
    expect(todayIn('America/New_York', lateMonday)).toBe('2027-01-04'); // 18:30 EST
    expect(todayIn('Pacific/Kiritimati', lateMonday)).toBe('2027-01-05'); // UTC+14
    expect(todayIn('America/Los_Angeles', new Date('2027-01-04T03:00:00Z'))).toBe('2027-01-03');
  });

  it('turns over at local midnight in a half-hour zone', () => {
    expect(todayIn('Asia/Kolkata', new Date('2027-01-04T18:29:59Z'))).toBe('2027-01-04');
    expect(todayIn('Asia/Kolkata', new Date('2027-01-04T18:30:00Z'))).toBe('2027-01-05');
  });

  it('handles a zone whose clocks skip midnight (Santiago, 2027-09-05)', () => {
    expect(todayIn('America/Santiago', new Date('2027-09-05T03:59:59Z'))).toBe('2027-09-04');
    expect(todayIn('America/Santiago', new Date('2027-09-05T04:00:00Z'))).toBe('2027-09-05');
  });
});

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
