import { effect, Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { addDays, isIsoDate, isoWeekday, MS_PER_DAY, todayIn, toDayNumber } from '@stint/shared-dates';
import { displayLocale, displayZone } from './date-display';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(day)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Typed dates (`04/01/2027`) and calendar labels, written the locale's way. */
const NUMERIC: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/**
 * Material's datepicker over plain `YYYY-MM-DD` strings, the form value every
 * date field in the dashboard keeps and sends. Everything a person sees or
 * types follows the viewer's locale (their profile's, else the browser's): an
 * en-GB viewer reads and types 04/01/2027 for 4 January, an en-US one
 * 01/04/2027. An ISO date typed or pasted is accepted too.
 */
@Injectable()
export class IsoDateAdapter extends DateAdapter<string, string> {
  constructor() {
    super();
    this.setLocale(displayLocale());
    // A profile change re-labels open calendars and re-writes the fields (Material listens to localeChanges).
    effect(() => {
      const locale = displayLocale();
      if (locale !== this.locale) this.setLocale(locale);
    });
  }

  private write(date: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' }).format(
      new Date(toDayNumber(date) * MS_PER_DAY),
    );
  }

  private series(count: number, date: (i: number) => string, options: Intl.DateTimeFormatOptions): string[] {
    return Array.from({ length: count }, (_, i) => this.write(date(i), options));
  }

  getYear(date: string): number {
    return Number(date.slice(0, 4));
  }

  getMonth(date: string): number {
    return Number(date.slice(5, 7)) - 1;
  }

  getDate(date: string): number {
    return Number(date.slice(8, 10));
  }

  getDayOfWeek(date: string): number {
    return isoWeekday(date) % 7;
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.series(12, (i) => iso(2017, i, 1), { month: style });
  }

  getDateNames(): string[] {
    return this.series(31, (i) => iso(2017, 0, i + 1), { day: 'numeric' });
  }

  /** Sunday first, as Material expects; 1 Jan 2017 was a Sunday. */
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.series(7, (i) => iso(2017, 0, i + 1), { weekday: style });
  }

  getYearName(date: string): string {
    return this.write(date, { year: 'numeric' });
  }

  /** The locale's first day of the week (Sunday 0 in the US, Monday 1 in most of Europe). */
  getFirstDayOfWeek(): number {
    try {
      const locale = new Intl.Locale(this.locale) as Intl.Locale & {
        getWeekInfo?: () => { firstDay: number };
        weekInfo?: { firstDay: number };
      };
      const first = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
      if (first) return first % 7;
    } catch {
      // No week data in this runtime: fall through.
    }
    return /-US$/i.test(this.locale) ? 0 : 1;
  }

  getNumDaysInMonth(date: string): number {
    return daysIn(this.getYear(date), this.getMonth(date));
  }

  clone(date: string): string {
    return date;
  }

  createDate(year: number, month: number, date: number): string {
    const made = iso(year, month, date);
    if (!isIsoDate(made)) throw new Error(`Invalid date ${made}.`);
    return made;
  }

  /** Today in the viewer's profile zone. */
  today(): string {
    return todayIn(displayZone(), new Date());
  }

  /** `2027-01-04`, or the locale's numeric order (`04/01/2027` en-GB, `1/4/2027` en-US, `4.1.2027` de-DE). */
  parse(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const text = value.trim();
    if (!text) return null;
    if (isIsoDate(text)) return text;
    const numbers = value.split(/\D+/).filter(Boolean).map(Number);
    const order = new Intl.DateTimeFormat(this.locale, NUMERIC)
      .formatToParts(new Date(0))
      .map((p) => p.type)
      .filter((t) => t === 'day' || t === 'month' || t === 'year');
    if (numbers.length !== 3 || order.length !== 3) return this.invalid();
    const at = (type: string) => numbers[order.indexOf(type as (typeof order)[number])] ?? NaN;
    const year = at('year') < 100 ? 2000 + at('year') : at('year');
    const parsed = iso(year, at('month') - 1, at('day'));
    return isIsoDate(parsed) ? parsed : this.invalid();
  }

  format(date: string, displayFormat: Intl.DateTimeFormatOptions): string {
    if (!this.isValid(date)) throw new Error('IsoDateAdapter: cannot format an invalid date.');
    return this.write(date, displayFormat);
  }

  addCalendarYears(date: string, years: number): string {
    return this.addCalendarMonths(date, years * 12);
  }

  /** Whole months on; the day is kept, or the month's last when it has fewer (31 Jan + 1 month = 28 Feb). */
  addCalendarMonths(date: string, months: number): string {
    const total = this.getYear(date) * 12 + this.getMonth(date) + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    return iso(year, month, Math.min(this.getDate(date), daysIn(year, month)));
  }

  addCalendarDays(date: string, days: number): string {
    return addDays(date, days);
  }

  toIso8601(date: string): string {
    return date;
  }

  isDateInstance(value: unknown): boolean {
    return typeof value === 'string';
  }

  isValid(date: string): boolean {
    return isIsoDate(date);
  }

  invalid(): string {
    return 'invalid';
  }

  /** An empty field holds no date (not an invalid one). */
  override deserialize(value: unknown): string | null {
    return value === '' || value == null ? null : super.deserialize(value);
  }
}

export const ISO_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: NUMERIC },
  display: {
    dateInput: NUMERIC,
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** For a component with a datepicker: ISO-string dates, shown and typed in the viewer's locale. */
export function provideIsoDateAdapter(): Provider[] {
  return [
    { provide: DateAdapter, useClass: IsoDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: ISO_DATE_FORMATS },
  ];
}
