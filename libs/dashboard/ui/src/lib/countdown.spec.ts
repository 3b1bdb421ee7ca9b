import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { injectNow, isPast, timeLeft } from './countdown';

const now = Date.parse('2027-01-04T10:00:00.000Z');
const later = (ms: number) => new Date(now + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('timeLeft', () => {
  it('writes days and hours while more than a day is left, rounding down', () => {
    expect(timeLeft(later(48 * HOUR), now)).toBe('2 days left');
    expect(timeLeft(later(26 * HOUR + 59 * MINUTE), now)).toBe('1 day 2 hours left');
    expect(timeLeft(later(24 * HOUR + HOUR), now)).toBe('1 day 1 hour left');
  });

  it('writes hours and minutes within the last day', () => {
    expect(timeLeft(later(23 * HOUR + 59 * MINUTE + 59_000), now)).toBe('23 hours 59 minutes left');
    expect(timeLeft(later(HOUR), now)).toBe('1 hour left');
    expect(timeLeft(later(5 * HOUR + MINUTE), now)).toBe('5 hours 1 minute left');
  });

  it('writes minutes within the last hour, then less than a minute, then that time is up', () => {
    expect(timeLeft(later(12 * MINUTE + 30_000), now)).toBe('12 minutes left');
    expect(timeLeft(later(MINUTE), now)).toBe('1 minute left');
    expect(timeLeft(later(59_000), now)).toBe('less than a minute left');
    expect(timeLeft(later(0), now)).toBe('time is up');
    expect(timeLeft(later(-HOUR), now)).toBe('time is up');
  });

  it('says nothing for a missing or unreadable deadline', () => {
    expect(timeLeft(null, now)).toBe('');
    expect(timeLeft('soon', now)).toBe('');
  });
});

describe('isPast', () => {
  it('is true at and after the deadline, and for no deadline', () => {
    expect(isPast(later(1000), now)).toBe(false);
    expect(isPast(later(0), now)).toBe(true);
    expect(isPast(null, now)).toBe(true);
  });
});

@Component({ template: '{{ now() }}' })
class Clock {
  readonly now = injectNow(30_000);
}

describe('injectNow', () => {
  afterEach(() => jest.useRealTimers());

  it('moves every period and stops its timer when the component goes', () => {
    jest.useFakeTimers({ now });
    const cleared = jest.spyOn(globalThis, 'clearInterval');
    const fixture = TestBed.createComponent(Clock);
    const clock = fixture.componentInstance;
    expect(clock.now()).toBe(now);
    jest.advanceTimersByTime(29_999);
    expect(clock.now()).toBe(now);
    jest.advanceTimersByTime(1);
    expect(clock.now()).toBe(now + 30_000);
    fixture.destroy();
    expect(cleared).toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(clock.now()).toBe(now + 30_000);
  });
});
