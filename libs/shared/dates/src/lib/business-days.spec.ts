import { isBusinessDay, isWeekend, nextBusinessDay, previousBusinessDay, type HolidayCalendar } from './business-days';

const noHolidays: HolidayCalendar = () => false;
const holidaysFrom = (...dates: string[]): HolidayCalendar => {
  const set = new Set(dates);
  return (d) => set.has(d);
};

describe('business days', () => {
  it('treats Saturday and Sunday as the weekend', () => {
    expect(isWeekend('2027-01-01')).toBe(false); // Friday
    expect(isWeekend('2027-01-02')).toBe(true); // Saturday
    expect(isWeekend('2027-01-03')).toBe(true); // Sunday
    expect(isWeekend('2027-01-04')).toBe(false); // Monday
  });

  it('is a business day when neither weekend nor holiday', () => {
    expect(isBusinessDay('2027-01-04', noHolidays)).toBe(true);
    expect(isBusinessDay('2027-01-04', holidaysFrom('2027-01-04'))).toBe(false);
    expect(isBusinessDay('2027-01-02', noHolidays)).toBe(false);
  });

  it('nextBusinessDay keeps a business day and skips weekends and holidays', () => {
    expect(nextBusinessDay('2027-01-04', noHolidays)).toBe('2027-01-04');
    expect(nextBusinessDay('2027-01-02', noHolidays)).toBe('2027-01-04');
    expect(nextBusinessDay('2027-12-25', holidaysFrom('2027-12-27', '2027-12-28'))).toBe('2027-12-29');
  });

  it('previousBusinessDay keeps a business day and walks back over weekends and holidays', () => {
    expect(previousBusinessDay('2027-01-04', noHolidays)).toBe('2027-01-04');
    expect(previousBusinessDay('2027-01-03', noHolidays)).toBe('2027-01-01');
    expect(previousBusinessDay('2027-01-03', holidaysFrom('2027-01-01'))).toBe('2026-12-31');
  });

  it('gives up rather than loop for ever when every day is a holiday', () => {
    expect(() => nextBusinessDay('2027-01-04', () => true)).toThrow(RangeError);
    expect(() => previousBusinessDay('2027-01-04', () => true)).toThrow(RangeError);
  });
});
