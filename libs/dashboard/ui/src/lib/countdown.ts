import { DestroyRef, inject, Signal, signal } from '@angular/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * The time left until a deadline, in words, rounded down so it never promises
 * more than there is: `2 days 3 hours left`, `5 hours 20 minutes left`,
 * `12 minutes left`, `less than a minute left`, or `time is up`.
 */
export function timeLeft(deadline: string | null | undefined, now: number): string {
  const end = deadline ? Date.parse(deadline) : NaN;
  if (Number.isNaN(end)) return '';
  const ms = end - now;
  if (ms <= 0) return 'time is up';
  if (ms < MINUTE) return 'less than a minute left';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return `${unit(days, 'day')}${hours ? ` ${unit(hours, 'hour')}` : ''} left`;
  if (hours > 0) return `${unit(hours, 'hour')}${minutes ? ` ${unit(minutes, 'minute')}` : ''} left`;
  return `${unit(minutes, 'minute')} left`;
}

/** Whether the deadline has passed (an unreadable one counts as passed). */
export function isPast(deadline: string | null | undefined, now: number): boolean {
  const end = deadline ? Date.parse(deadline) : NaN;
  return Number.isNaN(end) || end <= now;
}

/**
 * The current time as a signal that moves every `periodMs` (30 s by default), for
 * countdowns on screen; the timer stops when the component is destroyed. Call in an
 * injection context.
 */
export function injectNow(periodMs = 30_000): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
