import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { setDisplayPreferences } from './date-display';
import { ISO_DATE_FORMATS, provideIsoDateAdapter } from './iso-date-adapter';

function adapter(): DateAdapter<string, string> {
  TestBed.configureTestingModule({ providers: provideIsoDateAdapter() });
  return TestBed.inject(DateAdapter) as DateAdapter<string, string>;
}

const input = ISO_DATE_FORMATS.display.dateInput;

afterEach(() => setDisplayPreferences({ locale: 'en-GB', timezone: 'UTC' }));

describe('IsoDateAdapter: date fields in the viewer’s locale', () => {
  it('shows and reads 4 January day-first for an en-GB viewer', () => {
    const dates = adapter();
    expect(dates.format('2027-01-04', input)).toBe('04/01/2027');
    expect(dates.parse('04/01/2027', null)).toBe('2027-01-04');
    expect(dates.getFirstDayOfWeek()).toBe(1);
  });

  it('shows and reads 4 January month-first for an en-US viewer, and follows a profile change', () => {
    const dates = adapter();
    setDisplayPreferences({ locale: 'en-US', timezone: 'America/New_York' });
    TestBed.tick();
    expect(dates.format('2027-01-04', input)).toBe('01/04/2027');
    expect(dates.parse('1/4/2027', null)).toBe('2027-01-04');
    expect(dates.getFirstDayOfWeek()).toBe(0);
    expect(dates.getDayOfWeekNames('short')[0]).toBe('Sun');
  });

  it('reads German dates with dots and accepts an ISO date anywhere', () => {
    setDisplayPreferences({ locale: 'de-DE', timezone: 'Europe/Berlin' });
    const dates = adapter();
    expect(dates.format('2027-01-04', input)).toBe('04.01.2027');
    expect(dates.parse('4.1.2027', null)).toBe('2027-01-04');
    expect(dates.parse('2027-01-04', null)).toBe('2027-01-04');
    expect(dates.getMonthNames('long')[2]).toBe('März');
  });

  it('refuses what is no date and keeps an empty field empty', () => {
    const dates = adapter();
    expect(dates.isValid(dates.parse('31/02/2027', null) as string)).toBe(false);
    expect(dates.isValid(dates.parse('soon', null) as string)).toBe(false);
    expect(dates.parse('', null)).toBeNull();
    expect(dates.deserialize('')).toBeNull();
  });

  it('moves by days, months and years within the calendar', () => {
    const dates = adapter();
    expect(dates.addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(dates.addCalendarMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(dates.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(dates.addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(dates.getDayOfWeek('2027-01-03')).toBe(0);
    expect(dates.getNumDaysInMonth('2028-02-10')).toBe(29);
  });
});
