import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { DateRange } from './date-range';
import { DateRangeFields } from './date-range-fields';
import { WeekWindowFields } from './week-window-fields';

@Component({
  imports: [DateRangeFields, WeekWindowFields],
  template: `
    <lib-date-range-fields
      [from]="range().from"
      [to]="range().to"
      clearLabel="Any date"
      (rangeChange)="changes.push($event)"
    />
    <lib-week-window-fields
      from="2027-01-04"
      [weeks]="4"
      [weekOptions]="[4, 8]"
      nowLabel="This week"
      (fromChange)="picked.push($event)"
      (shifted)="shifted.push($event)"
    >
      <span class="own">The screen's own filter</span>
    </lib-week-window-fields>
  `,
})
class Host {
  readonly range = signal<DateRange>({ from: null, to: null });
  readonly changes: Array<Partial<DateRange>> = [];
  readonly picked: Array<string | null> = [];
  readonly shifted: string[] = [];
}

/** As a person types a date and leaves the field. */
function change(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

describe('filter bar date fields', () => {
  const render = () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  };
  const button = (el: HTMLElement, text: string) =>
    [...el.querySelectorAll('button')].find(
      (b) => b.textContent?.replace(/[‹›]/g, '').trim() === text,
    ) as HTMLButtonElement;

  it('emits the end of the range that changed, null when cleared, and offers to clear a range', () => {
    const { fixture, host, el } = render();
    const [from, to] = [...el.querySelectorAll<HTMLInputElement>('lib-date-range-fields input')];
    change(from as HTMLInputElement, '2027-01-04');
    change(to as HTMLInputElement, '');
    expect(host.changes).toEqual([{ from: '2027-01-04' }, { to: null }]);
    expect(button(el, 'Any date')).toBeUndefined();

    host.range.set({ from: '2027-01-04', to: null });
    fixture.detectChanges();
    button(el, 'Any date').click();
    expect(host.changes.at(-1)).toEqual({ from: null, to: null });
  });

  it('picks the Monday of a week, moves by the window, and shows the screen’s filters before the buttons', () => {
    const { el, host } = render();
    const window = el.querySelector('lib-week-window-fields') as HTMLElement;
    change(window.querySelector('input') as HTMLInputElement, '2027-01-07');
    change(window.querySelector('input') as HTMLInputElement, '');
    button(window, 'Earlier').click();
    button(window, 'Later').click();
    button(window, 'This week').click();
    expect(host.picked).toEqual(['2027-01-04', null]);
    expect(host.shifted).toEqual(['2026-12-07', '2027-02-01']);
    expect(window.querySelector('.own')?.compareDocumentPosition(button(window, 'Earlier'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });
});
