import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChild,
  contentChildren,
  Directive,
  effect,
  inject,
  Injectable,
  input,
  OnInit,
  TemplateRef,
} from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatColumnDef, MatTable, MatTableModule } from '@angular/material/table';
import type { Page } from '@stint/contracts';
import { CardTable } from './card-table';
import type { ListPage } from './list-page';
import { PAGE_SIZES } from './list-query';

/** The buttons at the end of each row: `<ng-template libListActions let-row>…</ng-template>` inside a list table. */
@Directive({ selector: '[libListActions]' })
export class ListActions {
  readonly template = inject(TemplateRef);
}

/**
 * Hands the column definitions projected into a list table to its `mat-table`. The table only finds columns
 * declared in its own template, and it is created anew whenever a page of results arrives.
 */
@Directive({ selector: 'table[libProjectedColumns]' })
export class ProjectedColumns implements OnInit {
  readonly libProjectedColumns = input.required<readonly MatColumnDef[]>();
  private readonly table = inject(MatTable);

  ngOnInit(): void {
    for (const column of this.libProjectedColumns()) this.table.addColumnDef(column);
  }
}

/**
 * The paginator's words for one list: "1 – 50 of about 20,000" while the total is the database's estimate
 * (`totalEstimated`, lists of more than 10,000 rows), Material's own "1 – 50 of 312" otherwise.
 */
@Injectable()
export class EstimatedTotalIntl extends MatPaginatorIntl {
  estimated = false;

  constructor() {
    super();
    const exact = this.getRangeLabel;
    this.getRangeLabel = (page: number, pageSize: number, length: number): string => {
      if (!this.estimated || length <= 0 || pageSize <= 0) return exact(page, pageSize, length);
      const first = page * pageSize + 1;
      const last = Math.max(first, Math.min(first + pageSize - 1, length));
      return `${first} – ${last} of about ${length.toLocaleString('en-US')}`;
    };
  }
}

/**
 * One page of a filtered list (see `injectListPage`) as a table: a loading bar, the failure in words, the rows,
 * what an empty page means, and a paginator that moves the list's page in the URL. The page supplies its columns
 * as `matColumnDef` blocks inside the element and, optionally, each row's buttons as a `libListActions` template.
 * On a phone the rows become stacked cards labelled by the column headers (see `CardTable`).
 */
@Component({
  selector: 'lib-list-table',
  imports: [NgTemplateOutlet, MatTableModule, MatPaginatorModule, MatProgressBarModule, ProjectedColumns, CardTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './list-table.scss',
  templateUrl: './list-table.html',
  providers: [{ provide: MatPaginatorIntl, useClass: EstimatedTotalIntl }],
})
export class ListTable<T> {
  readonly list = input.required<ListPage<unknown, Page<T>>>();
  /** The ids of the projected columns to show, in order; the actions column comes last on its own. */
  readonly columns = input.required<readonly string[]>();
  /** The accessible name of the scrollable region around the table, e.g. `Sales teams`. */
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  /** Announced while a page loads, e.g. `Loading teams`. */
  readonly loadingLabel = input.required<string>();
  /** Put before the reason when loading fails, e.g. `Could not load teams`. */
  readonly errorText = input.required<string>();
  /** Put after the reason, e.g. what to do about it. */
  readonly errorHint = input('');
  readonly emptyText = input.required<string>();
  readonly paginatorLabel = input.required<string>();
  readonly pageSizes = input<number[]>([...PAGE_SIZES]);
  /** false: the list is always whole (one page), so no paginator is drawn. */
  readonly paged = input(true);
  /** Rows to tint as needing attention (e.g. a failed email). */
  readonly warnRow = input<((row: T) => boolean) | null>(null);

  protected readonly columnDefs = contentChildren(MatColumnDef);
  protected readonly actions = contentChild(ListActions);
  protected readonly displayed = computed(() =>
    this.actions() ? [...this.columns(), 'actions'] : [...this.columns()],
  );
  protected readonly errorSentence = (message: string): string =>
    `${this.errorText()}: ${message}${this.errorHint() ? ` ${this.errorHint()}` : ''}`;

  private readonly intl = inject(MatPaginatorIntl) as EstimatedTotalIntl;

  constructor() {
    effect(() => {
      const state = this.list().state();
      const estimated = state.status === 'ready' && state.value.totalEstimated === true;
      if (estimated === this.intl.estimated) return;
      this.intl.estimated = estimated;
      this.intl.changes.next();
    });
  }
}
