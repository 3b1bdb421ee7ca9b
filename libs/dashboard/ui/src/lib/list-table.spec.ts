import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTableModule } from '@angular/material/table';
import type { Page } from '@stint/contracts';
import { Observable, Subject } from 'rxjs';
import { Loadable, LOADING } from './loadable';
import type { ListPage } from './list-page';
import { ListActions, ListTable } from './list-table';

interface Fruit {
  name: string;
  ripe: boolean;
}

/** A list whose state the test sets by hand. */
function fakeList(): ListPage<unknown, Page<Fruit>> & { set(state: Loadable<Page<Fruit>>): void } {
  const state = signal<Loadable<Page<Fruit>>>(LOADING);
  return {
    query: signal({}),
    query$: new Subject<unknown>() as Observable<unknown>,
    state,
    reloads: new Subject<void>(),
    navigate: jest.fn(),
    page: jest.fn(),
    reload: jest.fn(),
    set: (value) => state.set(value),
  };
}

@Component({
  imports: [MatTableModule, ListTable, ListActions],
  template: `
    <lib-list-table
      [list]="list"
      [columns]="['name', 'stage']"
      label="Fruit"
      testId="fruit-table"
      loadingLabel="Loading fruit"
      errorText="Could not load fruit"
      errorHint="Try again later."
      emptyText="No fruit."
      paginatorLabel="Pages of fruit"
      [warnRow]="unripe"
    >
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
        <td mat-cell *matCellDef="let f">{{ f.name }}</td>
      </ng-container>
      <ng-container matColumnDef="stage">
        <th mat-header-cell *matHeaderCellDef scope="col">Stage <span class="sr-only">(of ripening)</span></th>
        <td mat-cell *matCellDef="let f">{{ f.ripe ? 'Ripe' : 'Green' }}</td>
      </ng-container>
      <ng-template libListActions let-f>
        <button type="button" (click)="picked.set(f.name)">Pick {{ f.name }}</button>
      </ng-template>
    </lib-list-table>
  `,
})
class Host {
  readonly list = fakeList();
  readonly picked = signal('');
  readonly unripe = (f: Fruit) => !f.ripe;
}

describe('ListTable', () => {
  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a loading bar, then the failure in words', () => {
    const { fixture, host, el } = render();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading fruit');
    expect(el.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Fruit');

    host.list.set({ status: 'error', message: 'No connection.' });
    fixture.detectChanges();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Could not load fruit: No connection. Try again later.',
    );
  });

  it('draws the projected columns and the row buttons, tints rows that need attention, and pages the list', () => {
    const { fixture, host, el } = render();
    host.list.set({
      status: 'ready',
      value: {
        items: [
          { name: 'Apple', ripe: true },
          { name: 'Pear', ripe: false },
        ],
        total: 12,
        page: 2,
        pageSize: 10,
      },
    });
    fixture.detectChanges();

    const rows = [...el.querySelectorAll('[data-testid="fruit-table"] tr')];
    expect(rows.map((r) => [...r.children].map((cell) => cell.textContent?.trim()))).toEqual([
      ['Name', 'Stage (of ripening)', 'Actions'],
      ['Apple', 'Ripe', 'Pick Apple'],
      ['Pear', 'Green', 'Pick Pear'],
    ]);
    expect(rows.map((r) => r.classList.contains('warn'))).toEqual([false, false, true]);
    rows[2]?.querySelector('button')?.click();
    expect(host.picked()).toBe('Pear');
    expect(el.textContent).not.toContain('No fruit.');

    const paginator = el.querySelector('mat-paginator');
    expect(paginator?.getAttribute('aria-label')).toBe('Pages of fruit');
    expect(paginator?.textContent).toContain('11 – 12 of 12');
    paginator?.querySelector<HTMLButtonElement>('button[aria-label="Previous page"]')?.click();
    expect(host.list.page).toHaveBeenCalledWith(expect.objectContaining({ pageIndex: 0, pageSize: 10 }));
  });

  it('says "about" when the total is the database\'s estimate, and drops it when the total is exact again', () => {
    const { fixture, host, el } = render();
    const page = (total: number, totalEstimated?: boolean) => ({
      items: [{ name: 'Apple', ripe: true }],
      total,
      page: 3,
      pageSize: 50,
      ...(totalEstimated === undefined ? {} : { totalEstimated }),
    });
    const label = () => el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim();

    host.list.set({ status: 'ready', value: page(20_412, true) });
    fixture.detectChanges();
    expect(label()).toBe('101 – 150 of about 20,412');

    host.list.set({ status: 'ready', value: page(312, false) });
    fixture.detectChanges();
    expect(label()).toBe('101 – 150 of 312');

    host.list.set({ status: 'ready', value: page(20_412, true) });
    fixture.detectChanges();
    host.list.set({ status: 'ready', value: page(120) });
    fixture.detectChanges();
    expect(label()).toBe('101 – 120 of 120');
  });

  it('labels every cell with its column header, so that on a phone each row reads as a card with its buttons', () => {
    const { fixture, host, el } = render();
    host.list.set({
      status: 'ready',
      value: { items: [{ name: 'Apple', ripe: true }], total: 1, page: 1, pageSize: 10 },
    });
    fixture.detectChanges();

    const table = el.querySelector('[data-testid="fruit-table"]');
    expect(table?.classList).toContain('card-table');
    const cells = () =>
      [...el.querySelectorAll('tbody td')].map((td) => [td.getAttribute('data-label'), td.textContent?.trim()]);
    // Screen-reader-only header text is not repeated as a visible label; the buttons' cell has none.
    expect(cells()).toEqual([
      ['Name', 'Apple'],
      ['Stage', 'Ripe'],
      ['', 'Pick Apple'],
    ]);

    host.list.set({
      status: 'ready',
      value: { items: [{ name: 'Plum', ripe: false }], total: 1, page: 1, pageSize: 10 },
    });
    fixture.detectChanges();
    expect(cells()).toEqual([
      ['Name', 'Plum'],
      ['Stage', 'Green'],
      ['', 'Pick Plum'],
    ]);
  });

  it('says what an empty page means', () => {
    const { fixture, host, el } = render();
    host.list.set({ status: 'ready', value: { items: [], total: 0, page: 1, pageSize: 20 } });
    fixture.detectChanges();
    expect(el.querySelector('.empty')?.textContent).toBe('No fruit.');
  });
});
