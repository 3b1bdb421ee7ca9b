import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { combineLatest, forkJoin, of, take } from 'rxjs';
import { Loading } from '@stint/dashboard-ui';
import { PlacementsService } from '../placements/placements.service';
import { addDays, formatDay, formatRange, formatShort, isIsoDate, todayIso, weekStart } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { injectRouteQuery } from '../shared/route-query';
import { EmptyState, ErrorPanel, StatusChip } from '../shared/ui';
import { CAPACITY_QUERY, CAPACITY_WEEKS, CapacityQuery, TEAM_ROWS } from './capacity.query';
import { CapacityService } from './capacity.service';
import { buildHeatmap, HEAT_COLORS, HeatCell, HeatLevel, teamMatches } from './heatmap';

const CELL_PAGE_SIZE = 10;

@Component({
  selector: 'lib-capacity-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    MatTableModule,
    StatusChip,
    Loading,
    ErrorPanel,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    PAGE_STYLES,
    `
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        list-style: none;
        padding: 0;
        margin: 8px 0;
        font: var(--mat-sys-body-small);
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .sw {
        width: 18px;
        height: 14px;
        border-radius: 3px;
        border: 1px solid var(--mat-sys-outline-variant);
      }
      .hatch {
        background-image: repeating-linear-gradient(45deg, #1a1c1e 0 2px, transparent 2px 5px);
      }
      table.heat {
        border-collapse: separate;
        border-spacing: 3px;
        min-width: 640px;
      }
      .heat th {
        font: var(--mat-sys-label-small);
        color: var(--mat-sys-on-surface-variant);
        font-weight: 500;
        padding: 4px;
        white-space: nowrap;
      }
      .heat th[scope='row'] {
        text-align: left;
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface);
        width: 180px;
        min-width: 140px;
      }
      .heat thead th:first-child {
        text-align: left;
      }
      .heat td {
        padding: 0;
      }
      .cell {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        width: 100%;
        min-width: 44px;
        height: 40px;
        border: 0;
        border-radius: 6px;
        font: var(--mat-sys-label-large);
        cursor: pointer;
        position: relative;
        overflow: hidden;
      }
      .cell:focus-visible {
        outline: 3px solid var(--mat-sys-tertiary);
        outline-offset: 1px;
      }
      .cell.sel {
        box-shadow: 0 0 0 3px var(--mat-sys-on-surface);
      }
      .cell .bo {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
        height: 6px;
      }
      .cell .bo.partial {
        right: 50%;
      }
      .panel {
        margin-top: 8px;
      }
    `,
  ],
  template: `
    <h1>Capacity</h1>
    <p class="lead">
      Per team and week, the most placements on any day of the week against the team's places. Pick a cell to see the
      placements behind it.
    </p>

    <div class="filters" role="group" aria-label="Filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From week of</mat-label>
        <input matInput type="date" [value]="from()" (change)="setFrom($event)" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Weeks shown</mat-label>
        <mat-select [value]="q().weeks" (selectionChange)="set({ weeks: $event.value })">
          @for (w of weekOptions; track w) {
            <mat-option [value]="w">{{ w }} weeks</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Find a team</mat-label>
        <input
          matInput
          type="search"
          [value]="q().q"
          (change)="setSearch($event)"
          placeholder="Name, region or segment"
        />
      </mat-form-field>
      <div>
        <button mat-button type="button" (click)="shift(-1)"><span aria-hidden="true">‹ </span>Earlier</button>
        <button mat-stroked-button type="button" (click)="set({ from: null })">This week</button>
        <button mat-button type="button" (click)="shift(1)">Later<span aria-hidden="true"> ›</span></button>
      </div>
    </div>

    <ul class="legend" aria-label="Colour key">
      @for (l of levels; track l) {
        <li>
          <span class="sw" [style.background]="colors[l].background" aria-hidden="true"></span>{{ colors[l].label }}
        </li>
      }
      <li><span class="sw hatch" aria-hidden="true"></span>blackout (half bar: part of the week)</li>
    </ul>

    <lib-loading [active]="state().status === 'loading'" label="Loading capacity…" />
    @if (state().error; as error) {
      <lib-error-panel [message]="error" (retry)="reload()" />
    } @else if (state().status === 'ready' && rows().length === 0) {
      <lib-empty-state
        [text]="q().q ? 'No team matches “' + q().q + '”.' : 'There are no teams you host or place PMs in yet.'"
      />
    }

    @if (pageRows().length) {
      <div class="table-frame" tabindex="0" role="region" aria-label="Capacity heat map">
        <table class="heat" data-testid="heatmap">
          <caption class="cdk-visually-hidden">
            Booked places of capacity per team and week,
            {{
              rangeLabel()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              @for (w of weeks(); track w) {
                <th scope="col"><span class="cdk-visually-hidden">Week of </span>{{ short(w) }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of pageRows(); track row.teamId) {
              <tr>
                <th scope="row">{{ row.teamName }}</th>
                @for (cell of row.cells; track cell.week) {
                  <td>
                    <button
                      type="button"
                      class="cell"
                      [class.sel]="isSelected(cell)"
                      [style.background]="colors[cell.level].background"
                      [style.color]="colors[cell.level].text"
                      [attr.aria-label]="cell.label"
                      [attr.aria-pressed]="isSelected(cell)"
                      [title]="cell.label"
                      [attr.data-testid]="'cell-' + cell.teamId + '-' + cell.week"
                      (click)="select(cell)"
                    >
                      {{ cell.booked }}/{{ cell.capacity }}
                      @if (cell.blackout !== 'none') {
                        <span class="bo hatch" [class.partial]="cell.blackout === 'partial'" aria-hidden="true"></span>
                      }
                    </button>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    <mat-paginator
      [length]="rows().length"
      [pageIndex]="q().page - 1"
      [pageSize]="q().pageSize"
      [pageSizeOptions]="rowOptions"
      (page)="page($event)"
      aria-label="Pages of teams"
    />

    @if (selected(); as sel) {
      <section class="panel" aria-labelledby="cell-heading" data-testid="cell-panel">
        <h2 id="cell-heading" tabindex="-1">{{ sel.teamName }}, {{ sel.range }}</h2>
        <lib-loading [active]="cell().status === 'loading'" label="Loading placements…" />
        @if (cell().error; as error) {
          <lib-error-panel [message]="error" (retry)="reload()" />
        } @else if (cell().status === 'ready' && !cell().data?.page?.items?.length) {
          <lib-empty-state text="No placements in this team that week." />
        }
        @if (cell().data?.page?.items?.length) {
          <div class="table-frame" tabindex="0" role="region" aria-label="Placements that week">
            <table mat-table [dataSource]="cell().data?.page?.items ?? []">
              <ng-container matColumnDef="pm">
                <th mat-header-cell *matHeaderCellDef>PM</th>
                <td mat-cell *matCellDef="let p">
                  <a [routerLink]="['/placements', p.id]">{{ pm(p.pmId) }}</a>
                </td>
              </ng-container>
              <ng-container matColumnDef="dates">
                <th mat-header-cell *matHeaderCellDef>Dates</th>
                <td mat-cell *matCellDef="let p">{{ range(p.startDate, p.endDate) }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef>Status</th>
                <td mat-cell *matCellDef="let p"><lib-status-chip [status]="p.status" /></td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="cellColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: cellColumns"></tr>
            </table>
          </div>
          <mat-paginator
            [length]="cell().data?.page?.total ?? 0"
            [pageIndex]="q().cellPage - 1"
            [pageSize]="cellPageSize"
            [hidePageSize]="true"
            (page)="set({ cellPage: $event.pageIndex + 1, page: q().page })"
            aria-label="Pages of placements that week"
          />
        }
      </section>
    }
  `,
})
export class CapacityPage {
  private readonly api = inject(CapacityService);
  private readonly placements = inject(PlacementsService);
  private readonly directory = inject(DirectoryService);
  private readonly query = injectRouteQuery(CAPACITY_QUERY);
  private readonly tick = signal(0);

  protected readonly q = this.query.value;
  protected readonly weekOptions = [...CAPACITY_WEEKS];
  protected readonly rowOptions = [...TEAM_ROWS];
  protected readonly colors = HEAT_COLORS;
  protected readonly levels: HeatLevel[] = [0, 1, 2, 3, 4];
  protected readonly cellColumns = ['pm', 'dates', 'status'];
  protected readonly cellPageSize = CELL_PAGE_SIZE;

  protected readonly from = computed(() => weekStart(this.q().from ?? todayIso()));
  private readonly to = computed(() => addDays(this.from(), this.q().weeks * 7 - 1));
  protected readonly rangeLabel = computed(() => formatRange(this.from(), this.to()));

  private readonly window = computed(() => ({ from: this.from(), to: this.to() }));
  protected readonly state = toSignal(
    combineLatest([toObservable(this.window), toObservable(this.tick)]).pipe(
      loadEach(([w]) =>
        forkJoin({
          weeks: this.api.weeks(w.from, w.to),
          blackouts: this.api.blackouts(),
          directory: this.directory.directory().pipe(take(1)),
        }),
      ),
    ),
    { initialValue: LOADING },
  );

  private readonly heatmap = computed(() => {
    const data = this.state().data;
    return data ? buildHeatmap(data.weeks, data.directory.teamsById, data.blackouts) : { weeks: [], rows: [] };
  });
  protected readonly weeks = computed(() => this.heatmap().weeks);
  protected readonly rows = computed(() => {
    const teams = this.state().data?.directory.teamsById;
    return this.heatmap().rows.filter((row) => teamMatches(teams?.get(row.teamId), row.teamName, this.q().q));
  });
  protected readonly pageRows = computed(() => {
    const { page, pageSize } = this.q();
    return this.rows().slice((page - 1) * pageSize, page * pageSize);
  });

  protected readonly selected = computed(() => {
    const { team, week } = this.q();
    if (!team || !week) return null;
    const teams = this.state().data?.directory.teamsById;
    return { team, week, teamName: teams ? teamName(teams, team) : '', range: `week of ${formatDay(week)}` };
  });
  private readonly cellRequest = computed(() => {
    const sel = this.selected();
    return sel ? { team: sel.team, week: sel.week, page: this.q().cellPage } : null;
  });
  protected readonly cell = toSignal(
    combineLatest([toObservable(this.cellRequest), toObservable(this.tick)]).pipe(
      loadEach(([r]) =>
        r
          ? forkJoin({
              page: this.placements.page({
                teamId: r.team,
                from: r.week,
                to: addDays(r.week, 6),
                page: r.page,
                pageSize: CELL_PAGE_SIZE,
              }),
              directory: this.directory.directory().pipe(take(1)),
            })
          : of(null),
      ),
    ),
    { initialValue: LOADING },
  );

  protected set(change: Partial<CapacityQuery>): void {
    this.query.update(change);
  }

  protected select(cell: HeatCell): void {
    this.query.update({ team: cell.teamId, week: cell.week, cellPage: 1, page: this.q().page });
    // Move focus to the list so keyboard and screen-reader users land on what they asked for.
    setTimeout(() => document.getElementById('cell-heading')?.focus(), 300);
  }

  protected isSelected(cell: HeatCell): boolean {
    return this.q().team === cell.teamId && this.q().week === cell.week;
  }

  protected setFrom(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (isIsoDate(value)) this.query.update({ from: weekStart(value) });
  }

  protected setSearch(event: Event): void {
    this.query.update({ q: (event.target as HTMLInputElement).value });
  }

  protected shift(direction: number): void {
    this.query.update({ from: addDays(this.from(), direction * this.q().weeks * 7) });
  }

  protected page(event: PageEvent): void {
    this.query.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected pm(id: string): string {
    const data = this.cell().data;
    return data ? personName(data.directory.usersById, id) : '';
  }

  protected short(date: string): string {
    return formatShort(date);
  }

  protected range(start: string, end: string): string {
    return formatRange(start, end);
  }
}
