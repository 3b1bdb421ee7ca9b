import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, of } from 'rxjs';
import { confirmAction, injectListPage, oneOf, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
import { TeamsApi } from '../data/teams.api';
import { UsersApi } from '../data/users.api';
import { TeamDialog, TeamDialogData } from './team-dialog';

@Component({
  selector: 'lib-teams-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  template: `
    <div class="head">
      <h1>Sales teams</h1>
      <button mat-flat-button type="button" (click)="create()">
        <mat-icon aria-hidden="true">add</mat-icon> New team
      </button>
    </div>
    <div class="filters" role="search" aria-label="Filter teams">
      <mat-form-field appearance="outline" class="grow">
        <mat-label>Search name, region or segment</mat-label>
        <input matInput [formControl]="search" type="search" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <mat-select [value]="query().active" (valueChange)="navigate({ active: $event, page: null })">
          <mat-option [value]="null">All teams</mat-option>
          <mat-option value="true">Active</mat-option>
          <mat-option value="false">Deactivated</mat-option>
        </mat-select>
      </mat-form-field>
    </div>

    @if (teams(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading teams" />
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label="Sales teams">
        @if (state.status === 'error') {
          <p class="error" role="alert">Could not load teams: {{ state.message }}</p>
        } @else if (state.status === 'ready') {
          <table mat-table [dataSource]="state.value.items" data-testid="teams-table">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let t">{{ t.name }}</td>
            </ng-container>
            <ng-container matColumnDef="region">
              <th mat-header-cell *matHeaderCellDef scope="col">Region · segment</th>
              <td mat-cell *matCellDef="let t">{{ t.region || '—' }} · {{ t.segment || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="manager">
              <th mat-header-cell *matHeaderCellDef scope="col">Manager</th>
              <td mat-cell *matCellDef="let t">{{ managerName(t.managerId) }}</td>
            </ng-container>
            <ng-container matColumnDef="capacity">
              <th mat-header-cell *matHeaderCellDef scope="col">Capacity</th>
              <td mat-cell *matCellDef="let t">{{ t.capacity }}</td>
            </ng-container>
            <ng-container matColumnDef="calendar">
              <th mat-header-cell *matHeaderCellDef scope="col">Time zone · holidays</th>
              <td mat-cell *matCellDef="let t">{{ t.timezone }} · {{ t.holidayCountry ?? 'none' }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let t">
                <span class="chip" [class.ok]="t.active" [class.bad]="!t.active">{{
                  t.active ? 'Active' : 'Deactivated'
                }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col" class="actions">
                <span class="sr-only">Actions</span>
              </th>
              <td mat-cell *matCellDef="let t" class="actions">
                <button mat-button type="button" (click)="edit(t)" [attr.aria-label]="'Edit ' + t.name">Edit</button>
                @if (t.active) {
                  <button
                    mat-button
                    type="button"
                    class="danger"
                    (click)="deactivate(t)"
                    [attr.aria-label]="'Deactivate ' + t.name"
                  >
                    Deactivate
                  </button>
                } @else {
                  <button mat-button type="button" (click)="activate(t)" [attr.aria-label]="'Activate ' + t.name">
                    Activate
                  </button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
          @if (!state.value.items.length) {
            <p class="empty">No teams match these filters.</p>
          }
          <mat-paginator
            [length]="state.value.total"
            [pageIndex]="state.value.page - 1"
            [pageSize]="state.value.pageSize"
            [pageSizeOptions]="pageSizes"
            (page)="page($event)"
            aria-label="Pages of teams"
          />
        }
      </div>
    }
  `,
})
export class TeamsPage {
  private readonly api = inject(TeamsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['name', 'region', 'manager', 'capacity', 'calendar', 'status', 'actions'];

  private readonly list = injectListPage({
    read: (p) => ({
      active: oneOf(p.get('active'), ['true', 'false'] as const),
      q: (p.get('q') ?? '').slice(0, 120),
      ...pageQuery(p),
    }),
    fetch: (q) => this.api.list({ ...q, q: q.q || null }),
    describeError,
  });
  protected readonly query = this.list.query;
  protected readonly teams = this.list.state;
  private readonly managers = toSignal(this.usersApi.managers().pipe(catchError(() => of<User[]>([]))), {
    initialValue: [],
  });
  private readonly managerNames = computed(() => new Map(this.managers().map((m) => [m.id, m.name])));

  protected readonly search = new FormControl(this.query().q, { nonNullable: true });

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.navigate({ q: q.trim() || null, page: null }));
  }

  protected managerName(id: string): string {
    return this.managerNames().get(id) ?? 'Unknown';
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected page(event: PageEvent): void {
    this.list.page(event);
  }

  protected async create(): Promise<void> {
    const team = await this.openDialog(null);
    if (team)
      this.done(`${team.name} created with room for ${team.capacity} PM${team.capacity === 1 ? '' : 's'} a day.`);
  }

  protected async edit(team: Team): Promise<void> {
    const saved = await this.openDialog(team);
    if (saved) this.done(`${saved.name} saved.`);
  }

  protected async deactivate(team: Team): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: `Deactivate ${team.name}?`,
      message: `${team.name} will no longer be offered for new rotations, and pending requests for it cannot be approved. Booked placements stay as they are.`,
      confirm: 'Deactivate',
    });
    if (yes) await this.setActive(team, false);
  }

  protected async activate(team: Team): Promise<void> {
    await this.setActive(team, true);
  }

  private async setActive(team: Team, active: boolean): Promise<void> {
    try {
      await firstValueFrom(this.api.update(team.id, { active }));
      this.done(active ? `${team.name} is hosting rotations again.` : `${team.name} deactivated.`);
    } catch (error) {
      this.snackBar.open(describeError(error).message, 'OK', { duration: 8000 });
    }
  }

  private openDialog(team: Team | null): Promise<Team | undefined> {
    const data: TeamDialogData = { team, managers: this.managers() };
    return firstValueFrom(
      this.dialog
        .open<TeamDialog, TeamDialogData, Team>(TeamDialog, { data, width: 'min(720px, 94vw)', maxHeight: '90vh' })
        .afterClosed(),
    );
  }

  private done(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.list.reload();
  }
}
