import { afterEveryRender, Directive, ElementRef, inject } from '@angular/core';

/** The text a column's header reads as the label of its cells, e.g. `Check-in`; empty for an unlabelled column. */
function headerLabels(table: HTMLTableElement): string[] {
  const header = table.querySelector('thead tr, tr[mat-header-row], tr.mat-mdc-header-row');
  return header ? Array.from(header.children, (cell) => cellLabel(cell)) : [];
}

/** A header's visible words: screen-reader-only text (e.g. "Actions", a list of what ratings mean) is left out. */
function cellLabel(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only, .cdk-visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * Lets a `mat-table` turn into one stacked card per row on a phone (the global `table.card-table` styles): each
 * cell is labelled with its column's header, so every column stays readable and every row keeps its buttons,
 * instead of columns being dropped for width. The labels are refreshed after each render, as rows come and go.
 */
@Directive({ selector: 'table[libCardTable]', host: { class: 'card-table' } })
export class CardTable {
  private readonly table = inject<ElementRef<HTMLTableElement>>(ElementRef).nativeElement;

  constructor() {
    afterEveryRender({ write: () => this.label() });
  }

  private label(): void {
    const labels = headerLabels(this.table);
    for (const row of Array.from(this.table.querySelectorAll('tbody tr'))) {
      Array.from(row.children).forEach((cell, index) => {
        const label = labels[index] ?? '';
        if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
    }
  }
}
