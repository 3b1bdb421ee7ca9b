import { clockTimeToMinutes, isClockTime } from './clock';

describe('isClockTime', () => {
  it.each(['00:00', '09:05', '10:00', '23:59'])('accepts %s', (s) => expect(isClockTime(s)).toBe(true));
  it.each(['24:00', '9:00', '10:60', '10:00:00', '1000', ''])('rejects %j', (s) => expect(isClockTime(s)).toBe(false));
});

describe('clockTimeToMinutes', () => {
  it('counts minutes since midnight', () => {
    expect(clockTimeToMinutes('00:00')).toBe(0);
    expect(clockTimeToMinutes('09:05')).toBe(545);
    expect(clockTimeToMinutes('23:59')).toBe(1439);
  });

  it('refuses anything but HH:MM', () => {
    expect(() => clockTimeToMinutes('24:00')).toThrow(RangeError);
  });
});
