import {
  instantDate,
  instantToZonedDateTime,
  isValidTimeZone,
  localDate,
  timeZoneOrUtc,
  todayIn,
  zoneOffsetMs,
} from './zones';

const HOUR = 3_600_000;

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires'])('accepts %s', (tz) =>
    expect(isValidTimeZone(tz)).toBe(true),
  );
  it.each(['Mars/Olympus_Mons', 'Europe/Berlinn', '+01:00', ''])('rejects %j', (tz) =>
    expect(isValidTimeZone(tz)).toBe(false),
  );
});

describe('timeZoneOrUtc', () => {
  it('keeps a zone the runtime knows and falls back to UTC otherwise', () => {
    expect(timeZoneOrUtc('Asia/Singapore')).toBe('Asia/Singapore');
    expect(timeZoneOrUtc('Not/AZone')).toBe('UTC');
    expect(timeZoneOrUtc(null)).toBe('UTC');
    expect(timeZoneOrUtc(undefined)).toBe('UTC');
  });
});

describe('todayIn', () => {
  it('reads the calendar date on the wall in the zone', () => {
    const lateMonday = new Date('2027-01-04T23:30:00Z');
    expect(todayIn('UTC', lateMonday)).toBe('2027-01-04');
    expect(todayIn('Europe/Berlin', lateMonday)).toBe('2027-01-05'); // 00:30 CET
    expect(todayIn('Asia/Singapore', lateMonday)).toBe('2027-01-05'); // 07:30 SGT
    expect(todayIn('America/New_York', lateMonday)).toBe('2027-01-04'); // 18:30 EST
    expect(todayIn('Pacific/Kiritimati', lateMonday)).toBe('2027-01-05'); // UTC+14
    expect(todayIn('America/Los_Angeles', new Date('2027-01-04T03:00:00Z'))).toBe('2027-01-03');
  });

  it('turns over at local midnight in a half-hour zone', () => {
    expect(todayIn('Asia/Kolkata', new Date('2027-01-04T18:29:59Z'))).toBe('2027-01-04');
    expect(todayIn('Asia/Kolkata', new Date('2027-01-04T18:30:00Z'))).toBe('2027-01-05');
  });

  it('answers each instant of a minute alike and the next minute afresh, whatever was asked before', () => {
    // Kathmandu is UTC+5:45: its midnight is 18:15 UTC. Asked within one minute, then across its midnight,
    // with other zones asked in between, as a page of placements in several teams' zones asks.
    const before = ['2027-01-04T18:14:00.000Z', '2027-01-04T18:14:30.500Z', '2027-01-04T18:14:59.999Z'];
    for (const at of before) {
      expect(todayIn('Asia/Kathmandu', new Date(at))).toBe('2027-01-04');
      expect(todayIn('UTC', new Date(at))).toBe('2027-01-04');
    }
    expect(todayIn('Asia/Kathmandu', new Date('2027-01-04T18:15:00.000Z'))).toBe('2027-01-05');
    expect(todayIn('Asia/Kathmandu', new Date('2027-01-04T18:14:59.999Z'))).toBe('2027-01-04');
    // Before 1972 an offset could have seconds (Monrovia, -0:44:30): its midnight fell within a UTC minute.
    expect(todayIn('Africa/Monrovia', new Date('1970-06-01T00:44:29Z'))).toBe('1970-05-31');
    expect(todayIn('Africa/Monrovia', new Date('1970-06-01T00:44:30Z'))).toBe('1970-06-01');
  });

  it('handles a zone whose clocks skip midnight (Santiago, 2027-09-05)', () => {
    expect(todayIn('America/Santiago', new Date('2027-09-05T03:59:59Z'))).toBe('2027-09-04');
    expect(todayIn('America/Santiago', new Date('2027-09-05T04:00:00Z'))).toBe('2027-09-05');
  });

  it('refuses a zone the runtime does not know (use timeZoneOrUtc for display)', () => {
    expect(() => todayIn('Not/AZone', new Date('2027-01-04T23:30:00Z'))).toThrow(RangeError);
    expect(todayIn(timeZoneOrUtc('Not/AZone'), new Date('2027-01-04T23:30:00Z'))).toBe('2027-01-04');
  });
});

describe('instantToZonedDateTime', () => {
  it('reads the wall clock to the minute', () => {
    const at = new Date('2027-01-04T09:00:59Z');
    expect(instantToZonedDateTime(at, 'UTC')).toEqual({ date: '2027-01-04', time: '09:00' });
    expect(instantToZonedDateTime(at, 'Europe/Berlin')).toEqual({ date: '2027-01-04', time: '10:00' });
    expect(instantToZonedDateTime(at, 'Asia/Kolkata')).toEqual({ date: '2027-01-04', time: '14:30' });
    expect(instantToZonedDateTime(at, 'Pacific/Kiritimati')).toEqual({ date: '2027-01-04', time: '23:00' });
  });

  it('reads both sides of a clock change', () => {
    expect(instantToZonedDateTime(new Date('2027-03-28T00:59:00Z'), 'Europe/Berlin').time).toBe('01:59');
    expect(instantToZonedDateTime(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin').time).toBe('03:00');
  });
});

describe('zoneOffsetMs', () => {
  it('is the wall clock minus UTC, summer and winter', () => {
    expect(zoneOffsetMs(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffsetMs(new Date('2027-01-04T12:00:00Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(zoneOffsetMs(new Date('2027-07-05T12:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(zoneOffsetMs(new Date('2027-01-04T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(new Date('2027-01-04T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });

  it('changes at the transition instant', () => {
    expect(zoneOffsetMs(new Date('2027-03-28T00:59:59Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(zoneOffsetMs(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
  });
});

describe('localDate', () => {
  it('reads the date on the runtime’s own clock, whatever the host zone', () => {
    expect(localDate(new Date(2027, 0, 4, 23, 30))).toBe('2027-01-04');
    expect(localDate(new Date(2027, 0, 5, 0, 0))).toBe('2027-01-05');
  });
});

describe('instantDate', () => {
  it('is the UTC date of an instant as the API writes it', () => {
    expect(instantDate('2027-01-04T23:30:00.000Z')).toBe('2027-01-04');
  });
});
