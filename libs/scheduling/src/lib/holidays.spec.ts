import { isBusinessDay, nextBusinessDay, previousBusinessDay } from '@stint/shared-dates';
import { createHolidayCalendar, isSupportedCountry } from './holidays';

describe('createHolidayCalendar', () => {
  it('knows GB Christmas 2027 and its substitute days', () => {
    // Christmas falls on a Saturday and Boxing Day on a Sunday in 2027, so
    // England takes Monday 27 and Tuesday 28 December as substitute days.
    const gb = createHolidayCalendar('GB');
    expect(gb('2027-12-24')).toBe(false);
    expect(gb('2027-12-25')).toBe(true);
    expect(gb('2027-12-26')).toBe(true);
    expect(gb('2027-12-27')).toBe(true);
    expect(gb('2027-12-28')).toBe(true);
    expect(gb('2027-12-29')).toBe(false);
  });

  it('counts public holidays only, not observances', () => {
    const gb = createHolidayCalendar('GB');
    expect(gb('2027-03-26')).toBe(true); // Good Friday
    expect(gb('2027-03-29')).toBe(true); // Easter Monday
    expect(gb('2027-03-28')).toBe(false); // Easter Sunday: an observance in date-holidays
    expect(gb('2027-03-07')).toBe(false); // Mother's Day: an observance
    const us = createHolidayCalendar('US');
    expect(us('2027-11-25')).toBe(true); // Thanksgiving
    expect(us('2027-11-26')).toBe(false); // the day after: an observance
    const de = createHolidayCalendar('DE');
    expect(de('2027-12-24')).toBe(false); // Heiliger Abend: a bank holiday
    expect(de('2027-05-06')).toBe(true); // Christi Himmelfahrt
  });

  it('knows US observed holidays (the Friday before or Monday after a weekend)', () => {
    const us = createHolidayCalendar('US');
    expect(us('2027-07-04')).toBe(true); // Independence Day, a Sunday
    expect(us('2027-07-05')).toBe(true); // observed on Monday
    expect(us('2027-06-18')).toBe(true); // Juneteenth (Saturday) observed on Friday
    expect(us('2027-12-24')).toBe(true); // Christmas (Saturday) observed on Friday
    expect(us('2027-12-31')).toBe(true); // New Year's Day 2028 (Saturday) observed in 2027
    expect(us('2027-07-06')).toBe(false);
  });

  it('covers every day of a holiday that lasts several days', () => {
    const ru = createHolidayCalendar('RU');
    // New Year's Day, then New Year holidays 2–6 January, Christmas 7, one more on 8.
    for (const d of ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-08']) {
      expect(ru(d)).toBe(true);
    }
    expect(ru('2027-01-11')).toBe(false);

    // Eid al-Fitr in the UAE: three days from 9 March 2027, starting the evening before.
    const ae = createHolidayCalendar('AE');
    expect(ae('2027-03-08')).toBe(false);
    expect(ae('2027-03-09')).toBe(true);
    expect(ae('2027-03-10')).toBe(true);
    expect(ae('2027-03-11')).toBe(true);
    expect(ae('2027-03-12')).toBe(false);
  });

  it('accepts a lower-case country code', () => {
    expect(createHolidayCalendar('gb')('2027-12-27')).toBe(true);
  });

  it('has no holidays without a country', () => {
    for (const country of [null, undefined, '', '  ']) {
      const calendar = createHolidayCalendar(country);
      expect(calendar('2027-12-25')).toBe(false);
      expect(calendar('2027-01-01')).toBe(false);
    }
  });

  it('refuses a country date-holidays does not know', () => {
    expect(() => createHolidayCalendar('XX')).toThrow(RangeError);
  });

  it('refuses a malformed date', () => {
    expect(() => createHolidayCalendar('GB')('2027-02-30')).toThrow(RangeError);
  });
});

describe('isSupportedCountry', () => {
  it.each(['GB', 'US', 'DE', 'gb'])('knows %s', (code) => expect(isSupportedCountry(code)).toBe(true));
  it.each(['XX', 'GBR', 'UK', '', 'G'])('does not know %j', (code) => expect(isSupportedCountry(code)).toBe(false));
});

// The business-day helpers themselves are tested in @stint/shared-dates; these
// check that they work with a real country calendar.
describe('business days with a country calendar', () => {
  it('skips GB substitute days and the New Year holiday', () => {
    const gb = createHolidayCalendar('GB');
    expect(isBusinessDay('2027-12-27', gb)).toBe(false);
    expect(nextBusinessDay('2027-12-25', gb)).toBe('2027-12-29');
    expect(previousBusinessDay('2027-01-03', gb)).toBe('2026-12-31');
    expect(previousBusinessDay('2027-12-28', gb)).toBe('2027-12-24');
  });
});
